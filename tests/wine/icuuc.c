/* Test-only stand-in for Windows' icuuc.dll, absent from Wine 8 (QtCore imports it): every
 * converter lookup fails, so Qt falls back to its own codecs. Never shipped in the MSI. */
typedef int UErrorCode;
#define U_FILE_ACCESS_ERROR 4
#define EXPORT __declspec(dllexport)

EXPORT void *ucnv_open(const char *name, UErrorCode *error)
{
    (void)name;
    if (error && *error <= 0)
        *error = U_FILE_ACCESS_ERROR;
    return 0;
}

EXPORT const char *ucnv_getStandardName(const char *name, const char *standard, UErrorCode *error)
{
    (void)name;
    (void)standard;
    if (error && *error <= 0)
        *error = U_FILE_ACCESS_ERROR;
    return 0;
}

EXPORT int ucnv_countAvailable(void) { return 0; }

/* Never reached without a converter; present because QtCore imports them. */
#define UNUSED(name) \
    EXPORT long long name(void) { return 0; }
UNUSED(ucnv_close)
UNUSED(UCNV_FROM_U_CALLBACK_SUBSTITUTE)
UNUSED(UCNV_TO_U_CALLBACK_SUBSTITUTE)
UNUSED(ucnv_reset)
UNUSED(ucnv_getMaxCharSize)
UNUSED(ucnv_getName)
UNUSED(ucnv_getToUCallBack)
UNUSED(ucnv_getFromUCallBack)
UNUSED(ucnv_setToUCallBack)
UNUSED(ucnv_setFromUCallBack)
UNUSED(ucnv_cbToUWriteUChars)
UNUSED(ucnv_toUnicode)
UNUSED(ucnv_cbFromUWriteUChars)
UNUSED(ucnv_toUCountPending)
UNUSED(ucnv_fromUCountPending)
UNUSED(ucnv_getAvailableName)
UNUSED(ucnv_fromUnicode)
