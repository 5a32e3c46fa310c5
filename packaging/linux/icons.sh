# Copy the application icon at every size into a hicolor theme: copy_icons ROOT THEME_FOLDER
# (sourced by install.sh for one user and by make-deb.sh for the package).
copy_icons() {
    mkdir -p "$2/scalable/apps"
    for png in "$1"/resources/icons/manage-account-*.png; do
        size=${png##*-}
        size=${size%.png}
        mkdir -p "$2/${size}x${size}/apps"
        cp "$png" "$2/${size}x${size}/apps/manage-account.png"
    done
    cp "$1/resources/icons/manage-account.svg" "$2/scalable/apps/manage-account.svg"
}
