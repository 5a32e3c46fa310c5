<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>About</name>
    <message>
        <source>see its metadata</source>
        <translation>siehe seine Metadaten</translation>
    </message>
    <message>
        <source>DejaVu Sans fonts: Bitstream Vera / DejaVu licence (free)</source>
        <translation>Schriftarten DejaVu Sans: Lizenz Bitstream Vera / DejaVu (frei)</translation>
    </message>
    <message>
        <source>About Manage Account</source>
        <translation>Über Manage Account</translation>
    </message>
    <message>
        <source>Bundled components and their licences:</source>
        <translation>Enthaltene Komponenten und ihre Lizenzen:</translation>
    </message>
</context>
<context>
    <name>Access</name>
    <message>
        <source>An administrator who may manage permission sets can enable it: Administration &gt; Permission Sets &gt; choose your permission set &gt; enable Manage Account &gt; Save.</source>
        <translation>Ein Administrator, der Berechtigungssätze verwalten darf, kann es aktivieren: Verwaltung &gt; Berechtigungssätze &gt; Ihren Berechtigungssatz wählen &gt; Manage Account aktivieren &gt; Speichern.</translation>
    </message>
</context>
<context>
    <name>AddSeatsTab</name>
    <message>
        <source>&amp;Additional License:</source>
        <translation>&amp;Zusätzliche Lizenzen:</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>Optional, up to 40 characters</source>
        <translation>Optional, bis zu 40 Zeichen</translation>
    </message>
    <message>
        <source>Purchase order number</source>
        <translation>Bestellnummer (PO)</translation>
    </message>
    <message>
        <source>PO &amp;number:</source>
        <translation>&amp;Bestellnummer (PO):</translation>
    </message>
    <message>
        <source>Optional note for the invoice</source>
        <translation>Optionale Notiz für die Rechnung</translation>
    </message>
    <message>
        <source>Note for the invoice</source>
        <translation>Notiz für die Rechnung</translation>
    </message>
    <message>
        <source>Note for the &amp;invoice:</source>
        <translation>&amp;Notiz für die Rechnung:</translation>
    </message>
    <message>
        <source>&amp;Purchase License</source>
        <translation>Lizenzen &amp;kaufen</translation>
    </message>
    <message>
        <source>Request &amp;Quote…</source>
        <translation>&amp;Angebot anfordern …</translation>
    </message>
    <message>
        <source>A formal quote (PDF) for these seats, with the PO number and note, to approve.</source>
        <translation>Ein förmliches Angebot (PDF) für diese Lizenzen, mit Bestellnummer und Notiz, zur Freigabe.</translation>
    </message>
    <message>
        <source>No payment is taken here: the vendor sends an invoice. New seats go live within 5 minutes.</source>
        <translation>Hier wird nichts bezahlt: Der Anbieter stellt eine Rechnung. Neue Lizenzen sind innerhalb von 5 Minuten aktiv.</translation>
    </message>
    <message>
        <source>Total:</source>
        <translation>Gesamt:</translation>
    </message>
    <message>
        <source>Order summary</source>
        <translation>Bestellübersicht</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Purchase %Ln seat(s) for {amount}</source>
        <translation>
            <numerusform>%Ln Lizenz für {amount} &amp;kaufen</numerusform>
            <numerusform>%Ln Lizenzen für {amount} &amp;kaufen</numerusform>
        </translation>
    </message>
    <message>
        <source>Above your limit of {limit}: an approver ({names}) will be asked, and nothing is ordered until one approves.</source>
        <translation>Über Ihrem Limit von {limit}: Eine genehmigende Person ({names}) wird gefragt, und bestellt wird erst, wenn sie genehmigt.</translation>
    </message>
    <message>
        <source>Above your limit of {limit}: an approver will be asked, and nothing is ordered until one approves.</source>
        <translation>Über Ihrem Limit von {limit}: Eine genehmigende Person wird gefragt, und bestellt wird erst, wenn sie genehmigt.</translation>
    </message>
    <message>
        <source>Quotes need a connection to the service.</source>
        <translation>Angebote brauchen eine Verbindung zum Dienst.</translation>
    </message>
    <message>
        <source>Recording your purchase…</source>
        <translation>Ihr Kauf wird erfasst …</translation>
    </message>
    <message>
        <source>Nothing was bought: the purchase could not be recorded ({error}).</source>
        <translation>Es wurde nichts gekauft: Der Kauf konnte nicht erfasst werden ({error}).</translation>
    </message>
</context>
<context>
    <name>Alerts</name>
    <message>
        <source>{address} is not an e-mail address.</source>
        <translation>{address} ist keine E-Mail-Adresse.</translation>
    </message>
</context>
<context>
    <name>AlertsDialog</name>
    <message>
        <source>Alerts</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <source>Language not known</source>
        <translation>Sprache unbekannt</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Englisch</translation>
    </message>
    <message>
        <source>German</source>
        <translation>Deutsch</translation>
    </message>
    <message>
        <source>When &amp;fewer seats are available than:</source>
        <translation>Wenn &amp;weniger Lizenzen verfügbar sind als:</translation>
    </message>
    <message>
        <source>Seats available</source>
        <translation>Verfügbare Lizenzen</translation>
    </message>
    <message>
        <source>When an &amp;invoice is due within:</source>
        <translation>Wenn eine &amp;Rechnung fällig wird innerhalb von:</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tagen</translation>
    </message>
    <message>
        <source>Days before an invoice is due</source>
        <translation>Tage vor Fälligkeit einer Rechnung</translation>
    </message>
    <message>
        <source>When an invoice is &amp;overdue</source>
        <translation>Wenn eine Rechnung ü&amp;berfällig ist</translation>
    </message>
    <message>
        <source>When the contract can be &amp;renewed</source>
        <translation>Wenn der Vertrag &amp;verlängert werden kann</translation>
    </message>
    <message>
        <source>E-mail an alert</source>
        <translation>Benachrichtigung per E-Mail senden</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Empfänger</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>name@beispiel.de</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-Mail:</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>Ent&amp;fernen</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen …</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert …</translation>
    </message>
    <message>
        <source>The alert settings could not be read or saved: {error}</source>
        <translation>Die Einstellungen der Benachrichtigungen konnten nicht gelesen oder gespeichert werden: {error}</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message numerus="yes">
        <source>Documents of %n order(s) of {organization} written to {file}</source>
        <translation>
            <numerusform>Dokumente von %n Auftrag von {organization} in {file} geschrieben</numerusform>
            <numerusform>Dokumente von %n Aufträgen von {organization} in {file} geschrieben</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n receipt(s) of {organization} written to {folder}</source>
        <translation>
            <numerusform>%n Beleg von {organization} in {folder} geschrieben</numerusform>
            <numerusform>%n Belege von {organization} in {folder} geschrieben</numerusform>
        </translation>
    </message>
    <message>
        <source>Manage Account was updated to {version}.</source>
        <translation>Manage Account wurde auf {version} aktualisiert.</translation>
    </message>
    <message>
        <source>Looking for a saved sign-in…</source>
        <translation>Gespeicherte Anmeldung wird gesucht …</translation>
    </message>
    <message>
        <source>Fetching your contract from the account service…</source>
        <translation>Ihr Vertrag wird vom Kontodienst abgerufen …</translation>
    </message>
    <message>
        <source>Your contract could not be fetched from the account service: {problem}</source>
        <translation>Ihr Vertrag konnte nicht vom Kontodienst abgerufen werden: {problem}</translation>
    </message>
    <message>
        <source>it holds no contract for you.</source>
        <translation>Er führt keinen Vertrag für Sie.</translation>
    </message>
</context>
<context>
    <name>ApprovalsDialog</name>
    <message>
        <source>Pending</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Genehmigt</translation>
    </message>
    <message>
        <source>Denied</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Angefragt</translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation>Angefragt von</translation>
    </message>
    <message>
        <source>Seats</source>
        <translation>Lizenzen</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Gültig bis</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Decided by / reason</source>
        <translation>Entschieden von / Grund</translation>
    </message>
    <message>
        <source>{name}: {reason}</source>
        <translation>{name}: {reason}</translation>
    </message>
    <message>
        <source>Seats now</source>
        <translation>Zusätzliche Lizenzen</translation>
    </message>
    <message>
        <source>Renewal</source>
        <translation>Verlängerung</translation>
    </message>
    <message>
        <source>Quote {number}</source>
        <translation>Angebot {number}</translation>
    </message>
    <message>
        <source>PO number {number}</source>
        <translation>Bestellnummer {number}</translation>
    </message>
    <message>
        <source>Requester&apos;s limit: {limit}</source>
        <translation>Limit der anfragenden Person: {limit}</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>Genehmigungen</translation>
    </message>
    <message>
        <source>Purchases above a spending limit wait here for an approver. Approving places the order at the price held for it; a denial tells the requester your reason.</source>
        <translation>Käufe über einem Ausgabenlimit warten hier auf eine Genehmigung. Eine Genehmigung gibt die Bestellung zum festgehaltenen Preis auf; eine Ablehnung teilt der anfragenden Person Ihren Grund mit.</translation>
    </message>
    <message>
        <source>Your purchases above your spending limit wait here until an approver decides.</source>
        <translation>Ihre Käufe über Ihrem Ausgabenlimit warten hier, bis eine genehmigende Person entscheidet.</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>S&amp;how:</source>
        <translation>An&amp;zeigen:</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>&amp;Genehmigen</translation>
    </message>
    <message>
        <source>&amp;Deny…</source>
        <translation>A&amp;blehnen …</translation>
    </message>
    <message>
        <source>Loading approvals…</source>
        <translation>Genehmigungen werden geladen …</translation>
    </message>
    <message>
        <source>No purchases are waiting for approval.</source>
        <translation>Keine Käufe warten auf eine Genehmigung.</translation>
    </message>
    <message>
        <source>No purchases have gone to approval.</source>
        <translation>Noch keine Käufe sind zur Genehmigung gegangen.</translation>
    </message>
    <message>
        <source>The approvals could not be read ({error}). Try again when online.</source>
        <translation>Die Genehmigungen konnten nicht gelesen werden ({error}). Versuchen Sie es erneut, wenn Sie online sind.</translation>
    </message>
    <message>
        <source>Your own request: another approver decides on it.</source>
        <translation>Ihre eigene Anfrage: Eine andere genehmigende Person entscheidet darüber.</translation>
    </message>
    <message numerus="yes">
        <source>Approved {id}: the renewal for %Ln seat(s) was placed.</source>
        <translation>
            <numerusform>{id} genehmigt: Die Verlängerung für %Ln Lizenz wurde aufgegeben.</numerusform>
            <numerusform>{id} genehmigt: Die Verlängerung für %Ln Lizenzen wurde aufgegeben.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Approved {id}: the order for %Ln seat(s) was placed.</source>
        <translation>
            <numerusform>{id} genehmigt: Die Bestellung von %Ln Lizenz wurde aufgegeben.</numerusform>
            <numerusform>{id} genehmigt: Die Bestellung von %Ln Lizenzen wurde aufgegeben.</numerusform>
        </translation>
    </message>
    <message>
        <source>Deny {id}</source>
        <translation>{id} ablehnen</translation>
    </message>
    <message>
        <source>Why is it denied? {name} is told this reason:</source>
        <translation>Warum wird abgelehnt? {name} erhält diesen Grund:</translation>
    </message>
    <message>
        <source>Nothing was denied: a reason of 1 to {most} characters is needed.</source>
        <translation>Nichts wurde abgelehnt: Ein Grund mit 1 bis {most} Zeichen ist nötig.</translation>
    </message>
    <message>
        <source>Denied {id}.</source>
        <translation>{id} abgelehnt.</translation>
    </message>
    <message>
        <source>Sending your decision…</source>
        <translation>Ihre Entscheidung wird gesendet …</translation>
    </message>
    <message>
        <source>Nothing was done: {id} was decided by another approver meanwhile.</source>
        <translation>Nichts wurde getan: Über {id} hat inzwischen eine andere genehmigende Person entschieden.</translation>
    </message>
    <message>
        <source>Nothing was done: {id} has expired (its price held until {date}). The requester can order again at today&apos;s price.</source>
        <translation>Nichts wurde getan: {id} ist abgelaufen (ihr Preis galt bis {date}). Die anfragende Person kann zum heutigen Preis erneut bestellen.</translation>
    </message>
    <message>
        <source>Nothing was done: {id} is your own request; another approver decides on it.</source>
        <translation>Nichts wurde getan: {id} ist Ihre eigene Anfrage; eine andere genehmigende Person entscheidet darüber.</translation>
    </message>
    <message>
        <source>Nothing was done: your permission set does not let you approve purchases.</source>
        <translation>Nichts wurde getan: Ihr Berechtigungssatz erlaubt Ihnen nicht, Käufe zu genehmigen.</translation>
    </message>
    <message>
        <source>Nothing was done ({error}). Try again when online.</source>
        <translation>Nichts wurde getan ({error}). Versuchen Sie es erneut, wenn Sie online sind.</translation>
    </message>
    <message>
        <source>Nothing was done: {error}</source>
        <translation>Nichts wurde getan: {error}</translation>
    </message>
</context>
<context>
    <name>ApprovalsNotice</name>
    <message numerus="yes">
        <source>%Ln purchase(s) above a spending limit wait for your approval.</source>
        <translation>
            <numerusform>%Ln Kauf über einem Ausgabenlimit wartet auf Ihre Genehmigung.</numerusform>
            <numerusform>%Ln Käufe über einem Ausgabenlimit warten auf Ihre Genehmigung.</numerusform>
        </translation>
    </message>
    <message>
        <source>Open Approvals</source>
        <translation>Genehmigungen öffnen</translation>
    </message>
</context>
<context>
    <name>Archive</name>
    <message>
        <source>Receipt</source>
        <translation>Quittung</translation>
    </message>
    <message>
        <source>Order confirmation</source>
        <translation>Auftragsbestätigung</translation>
    </message>
    <message>
        <source>Renewal confirmation</source>
        <translation>Verlängerungsbestätigung</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>Rechnung</translation>
    </message>
    <message>
        <source>No archive was written.</source>
        <translation>Es wurde kein Archiv geschrieben.</translation>
    </message>
</context>
<context>
    <name>AuditAction</name>
    <message>
        <source>sign-in</source>
        <translation>Anmeldung</translation>
    </message>
    <message>
        <source>sign-in failed</source>
        <translation>Anmeldung fehlgeschlagen</translation>
    </message>
    <message>
        <source>sign-in locked out</source>
        <translation>Anmeldung gesperrt</translation>
    </message>
    <message>
        <source>sign-out</source>
        <translation>Abmeldung</translation>
    </message>
    <message>
        <source>signed out everywhere</source>
        <translation>Überall abgemeldet</translation>
    </message>
    <message>
        <source>seats ordered</source>
        <translation>Lizenzen bestellt</translation>
    </message>
    <message>
        <source>permission set changed</source>
        <translation>Berechtigungssatz geändert</translation>
    </message>
    <message>
        <source>receipts exported</source>
        <translation>Belege exportiert</translation>
    </message>
    <message>
        <source>billing profile changed</source>
        <translation>Rechnungsprofil geändert</translation>
    </message>
    <message>
        <source>contract renewed</source>
        <translation>Vertrag verlängert</translation>
    </message>
    <message>
        <source>seat reduction requested</source>
        <translation>Weniger Lizenzen angefragt</translation>
    </message>
    <message>
        <source>reduction request answered</source>
        <translation>Anfrage nach weniger Lizenzen beantwortet</translation>
    </message>
    <message>
        <source>invoice marked paid</source>
        <translation>Rechnung als bezahlt vermerkt</translation>
    </message>
    <message>
        <source>seat freed</source>
        <translation>Lizenz freigegeben</translation>
    </message>
    <message>
        <source>seat assigned</source>
        <translation>Lizenz zugewiesen</translation>
    </message>
    <message>
        <source>seats released</source>
        <translation>Lizenzen freigegeben</translation>
    </message>
    <message>
        <source>seat release undone</source>
        <translation>Lizenzfreigabe rückgängig gemacht</translation>
    </message>
    <message>
        <source>trail re-chained</source>
        <translation>Protokoll neu verkettet</translation>
    </message>
</context>
<context>
    <name>AuditDetail</name>
    <message>
        <source>address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>fields</source>
        <translation>Felder</translation>
    </message>
    <message>
        <source>not returned</source>
        <translation>nicht zurückgegeben</translation>
    </message>
    <message>
        <source>number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>operator</source>
        <translation>Bearbeiter</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>release</source>
        <translation>Freigabe</translation>
    </message>
    <message>
        <source>request</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <source>returned</source>
        <translation>zurückgegeben</translation>
    </message>
    <message>
        <source>seats</source>
        <translation>Lizenzen</translation>
    </message>
    <message>
        <source>seats wanted</source>
        <translation>gewünschte Lizenzen</translation>
    </message>
    <message>
        <source>sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <source>transaction id</source>
        <translation>Transaktions-ID</translation>
    </message>
    <message>
        <source>trusted device</source>
        <translation>vertrauenswürdiges Gerät</translation>
    </message>
    <message>
        <source>user</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
</context>
<context>
    <name>AuditLog</name>
    <message>
        <source>When (UTC)</source>
        <translation>Wann (UTC)</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Entry hash</source>
        <translation>Eintrags-Hash</translation>
    </message>
    <message>
        <source>When ({zone})</source>
        <translation>Wann ({zone})</translation>
    </message>
</context>
<context>
    <name>AuditLogDialog</name>
    <message>
        <source>Audit Log</source>
        <translation>Prüfprotokoll</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>Alle Aktionen</translation>
    </message>
    <message>
        <source>Who (part of an e-mail)</source>
        <translation>Wer (Teil einer E-Mail-Adresse)</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>CSV e&amp;xportieren …</translation>
    </message>
    <message>
        <source>The audit log could not be read: {error}</source>
        <translation>Das Prüfprotokoll konnte nicht gelesen werden: {error}</translation>
    </message>
    <message>
        <source>Audit log entries</source>
        <translation>Einträge des Prüfprotokolls</translation>
    </message>
    <message>
        <source>✘ Whether the audit trail is the one you saw before could not be checked: {error}</source>
        <translation>✘ Ob das Prüfprotokoll noch dasselbe ist wie zuvor, konnte nicht geprüft werden: {error}</translation>
    </message>
    <message>
        <source>✘ The audit trail was cut since you last looked ({when}): entry #{entry} that you saw then is gone.</source>
        <translation>✘ Das Prüfprotokoll wurde gekürzt, seit Sie es zuletzt angesehen haben ({when}): Der Eintrag #{entry}, den Sie damals sahen, fehlt.</translation>
    </message>
    <message>
        <source>✘ The audit trail was rewritten since you last looked ({when}): entry #{entry} is no longer the one you saw.</source>
        <translation>✘ Das Prüfprotokoll wurde umgeschrieben, seit Sie es zuletzt angesehen haben ({when}): Der Eintrag #{entry} ist nicht mehr der, den Sie sahen.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen …</translation>
    </message>
    <message>
        <source>The audit trail is intact.</source>
        <translation>Das Prüfprotokoll ist lückenlos.</translation>
    </message>
    <message>
        <source>The entry before #{entry} was deleted or changed.</source>
        <translation>Der Eintrag vor Nr. {entry} wurde gelöscht oder geändert.</translation>
    </message>
    <message>
        <source>Entry #{entry} was changed after it was written.</source>
        <translation>Eintrag Nr. {entry} wurde nach dem Schreiben geändert.</translation>
    </message>
    <message>
        <source>Entries at the end of the trail were deleted.</source>
        <translation>Einträge am Ende des Protokolls wurden gelöscht.</translation>
    </message>
    <message>
        <source>The audit trail is broken: {message}</source>
        <translation>Das Prüfprotokoll ist unterbrochen: {message}</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln entries to {path}.</source>
        <translation>
            <numerusform>%Ln Eintrag nach {path} exportiert.</numerusform>
            <numerusform>%Ln Einträge nach {path} exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export failed: {error}</source>
        <translation>Export fehlgeschlagen: {error}</translation>
    </message>
    <message>
        <source>Export audit log</source>
        <translation>Prüfprotokoll exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
</context>
<context>
    <name>BillingProfile</name>
    <message>
        <source>Choose the country as a two-letter ISO code, such as US or DE.</source>
        <translation>Wählen Sie das Land als zweistelligen ISO-Code, etwa US oder DE.</translation>
    </message>
    <message>
        <source>The tax ID is not a valid number for {country}: check it against your tax registration (an EU VAT number starts with its country&apos;s code, such as DE).</source>
        <translation>Die Steuernummer ist für {country} nicht gültig: Prüfen Sie sie anhand Ihrer steuerlichen Registrierung (eine EU-USt-IdNr. beginnt mit dem Code ihres Landes, etwa DE).</translation>
    </message>
    <message>
        <source>Enter the organization&apos;s legal name, at most 200 characters on one line.</source>
        <translation>Geben Sie den rechtlichen Namen der Organisation ein, höchstens 200 Zeichen in einer Zeile.</translation>
    </message>
    <message>
        <source>Enter the postal address, one line per line, at most 500 characters.</source>
        <translation>Geben Sie die Postanschrift ein, Zeile für Zeile, höchstens 500 Zeichen.</translation>
    </message>
    <message>
        <source>Give at most 5 e-mail addresses for invoices.</source>
        <translation>Geben Sie höchstens 5 E-Mail-Adressen für Rechnungen an.</translation>
    </message>
    <message>
        <source>{address} is not an e-mail address that can receive invoices.</source>
        <translation>{address} ist keine E-Mail-Adresse, die Rechnungen empfangen kann.</translation>
    </message>
    <message>
        <source>{name} must be text.</source>
        <translation>{name} muss Text sein.</translation>
    </message>
    <message>
        <source>The account service did not accept the billing profile: {reason}</source>
        <translation>Der Kontodienst hat das Rechnungsprofil nicht angenommen: {reason}</translation>
    </message>
</context>
<context>
    <name>BillingProfileDialog</name>
    <message>
        <source>Billing Profile</source>
        <translation>Rechnungsprofil</translation>
    </message>
    <message>
        <source>One address per line, at most 5</source>
        <translation>Eine Adresse pro Zeile, höchstens 5</translation>
    </message>
    <message>
        <source>Filled in on each new purchase</source>
        <translation>Wird bei jedem neuen Kauf eingetragen</translation>
    </message>
    <message>
        <source>&amp;Legal name:</source>
        <translation>&amp;Rechtlicher Name:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Anschrift:</translation>
    </message>
    <message>
        <source>C&amp;ountry:</source>
        <translation>&amp;Land:</translation>
    </message>
    <message>
        <source>&amp;Tax ID:</source>
        <translation>&amp;Steuernummer:</translation>
    </message>
    <message>
        <source>Invoice &amp;e-mails:</source>
        <translation>Rechnungs-&amp;E-Mails:</translation>
    </message>
    <message>
        <source>Default &amp;PO number:</source>
        <translation>Standard-&amp;Bestellnummer:</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>S&amp;peichern</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert …</translation>
    </message>
    <message>
        <source>Saved. It is sent to the account service with the next sync.</source>
        <translation>Gespeichert. Es wird mit der nächsten Synchronisierung an den Kontodienst gesendet.</translation>
    </message>
    <message>
        <source>The billing profile could not be saved: {error}</source>
        <translation>Das Rechnungsprofil konnte nicht gespeichert werden: {error}</translation>
    </message>
</context>
<context>
    <name>ContractTab</name>
    <message>
        <source>Contract period</source>
        <translation>Vertragszeitraum</translation>
    </message>
    <message>
        <source>&amp;Add Seats…</source>
        <translation>Lizenzen hin&amp;zufügen …</translation>
    </message>
    <message>
        <source>Billing</source>
        <translation>Abrechnung</translation>
    </message>
    <message>
        <source>&amp;Open Invoices…</source>
        <translation>&amp;Offene Rechnungen …</translation>
    </message>
    <message>
        <source>No invoices waiting to be paid.</source>
        <translation>Keine Rechnungen warten auf Zahlung.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln invoice(s) open, not due yet: {total}.</source>
        <translation>
            <numerusform>%Ln Rechnung offen, noch nicht fällig: {total}.</numerusform>
            <numerusform>%Ln Rechnungen offen, noch nicht fällig: {total}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Bought this contract: {amount}</source>
        <translation>In diesem Vertrag gekauft: {amount}</translation>
    </message>
    <message>
        <source>Purchases under earlier contracts are listed in Transaction History.</source>
        <translation>Käufe aus früheren Verträgen stehen im Transaktionsverlauf.</translation>
    </message>
    <message>
        <source>{price} per seat per month</source>
        <translation>{price} pro Lizenz und Monat</translation>
    </message>
    <message numerus="yes">
        <source>%Ln day(s) of the period gone by</source>
        <translation>
            <numerusform>%Ln Tag der Laufzeit vergangen</numerusform>
            <numerusform>%Ln Tage der Laufzeit vergangen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Ends {date}: %Ln day(s) left</source>
        <translation>
            <numerusform>Endet am {date}: noch %Ln Tag</numerusform>
            <numerusform>Endet am {date}: noch %Ln Tage</numerusform>
        </translation>
    </message>
    <message>
        <source>Renewal open for {period}, {price} per seat per month.</source>
        <translation>Verlängerung möglich für {period}, {price} pro Lizenz und Monat.</translation>
    </message>
    <message>
        <source>Renewal for {period}: {seats} seats, {amount} ({transaction_id}, {state}).</source>
        <translation>Verlängerung für {period}: {seats} Lizenzen, {amount} ({transaction_id}, {state}).</translation>
    </message>
    <message numerus="yes">
        <source>Renew again with at least %Ln seat(s), or ask your account manager.</source>
        <translation>
            <numerusform>Verlängern Sie erneut mit mindestens %Ln Lizenz, oder fragen Sie Ihren Kundenbetreuer.</numerusform>
            <numerusform>Verlängern Sie erneut mit mindestens %Ln Lizenzen, oder fragen Sie Ihren Kundenbetreuer.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Renew Contract…</source>
        <translation>Vertrag verlän&amp;gern …</translation>
    </message>
    <message>
        <source>Renewal &amp;Document…</source>
        <translation>Verlängerungs&amp;beleg …</translation>
    </message>
    <message>
        <source>Add to Calendar</source>
        <translation>Zum Kalender hinzufügen</translation>
    </message>
    <message>
        <source>Renewal In&amp;voice…</source>
        <translation>R&amp;echnung der Verlängerung …</translation>
    </message>
    <message>
        <source>Add to Ca&amp;lendar…</source>
        <translation>Zum &amp;Kalender hinzufügen …</translation>
    </message>
    <message>
        <source>Account manager</source>
        <translation>Kundenbetreuung</translation>
    </message>
    <message>
        <source>F&amp;ewer Seats Next Term?…</source>
        <translation>Weniger Lizenzen nächste La&amp;ufzeit? …</translation>
    </message>
    <message>
        <source>Seats cannot be reduced here; {name} can, from the next term.</source>
        <translation>Lizenzen lassen sich hier nicht verringern; {name} kann das ab der nächsten Laufzeit.</translation>
    </message>
    <message>
        <source>Save Chart as P&amp;NG…</source>
        <translation>Diagramm als &amp;PNG speichern …</translation>
    </message>
    <message>
        <source>Seats</source>
        <translation>Lizenzen</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Purchased</source>
        <translation>Gekauft</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>Zugewiesen</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Verfügbar</translation>
    </message>
    <message>
        <source>Pending (not live yet)</source>
        <translation>Ausstehend (noch nicht aktiv)</translation>
    </message>
    <message>
        <source>Bought and not live yet</source>
        <translation>Gekauft, noch nicht aktiv</translation>
    </message>
    <message>
        <source>Review seats held by disabled users</source>
        <translation>Lizenzen deaktivierter Benutzer prüfen</translation>
    </message>
    <message>
        <source>Review seats held by inactive users</source>
        <translation>Lizenzen inaktiver Benutzer prüfen</translation>
    </message>
    <message>
        <source>Review…</source>
        <translation>Prüfen …</translation>
    </message>
    <message>
        <source>Open the Seats view with these users</source>
        <translation>Die Lizenzansicht mit diesen Benutzern öffnen</translation>
    </message>
    <message numerus="yes">
        <source>%Ln held by disabled users</source>
        <translation>
            <numerusform>%Ln bei deaktivierten Benutzern</numerusform>
            <numerusform>%Ln bei deaktivierten Benutzern</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln held by users inactive for over {days} days</source>
        <translation>
            <numerusform>%Ln bei Benutzern, die seit über {days} Tagen inaktiv sind</numerusform>
            <numerusform>%Ln bei Benutzern, die seit über {days} Tagen inaktiv sind</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Below your alert: fewer than %Ln seat(s) available.</source>
        <translation>
            <numerusform>Unter Ihrer Benachrichtigungsschwelle: weniger als %Ln Lizenz verfügbar.</numerusform>
            <numerusform>Unter Ihrer Benachrichtigungsschwelle: weniger als %Ln Lizenzen verfügbar.</numerusform>
        </translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Vertrag</translation>
    </message>
    <message>
        <source>Seat timeline</source>
        <translation>Lizenzverlauf</translation>
    </message>
    <message>
        <source>Seat assignment is shown once the service is reached.</source>
        <translation>Die Zuweisung der Lizenzen wird angezeigt, sobald der Dienst erreichbar ist.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln invoice(s) overdue, {total} in all: {number} was due on {date}. Open it in Transaction History.</source>
        <translation>
            <numerusform>%Ln Rechnung ist überfällig ({total}): {number} war am {date} fällig. Öffnen Sie sie im Transaktionsverlauf.</numerusform>
            <numerusform>%Ln Rechnungen sind überfällig, insgesamt {total}: {number} war als erste fällig, am {date}. Öffnen Sie sie im Transaktionsverlauf.</numerusform>
        </translation>
    </message>
    <message>
        <source>There is no current contract. Earlier contracts and their purchases are in Transaction History; your account manager can renew the contract.</source>
        <translation>Es gibt keinen laufenden Vertrag. Frühere Verträge und ihre Käufe stehen im Transaktionsverlauf; Ihr Kundenbetreuer kann den Vertrag verlängern.</translation>
    </message>
    <message>
        <source>Contact your account manager.</source>
        <translation>Wenden Sie sich an Ihren Kundenbetreuer.</translation>
    </message>
    <message>
        <source>Save seat timeline</source>
        <translation>Lizenzverlauf speichern</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>Saved the seat timeline to {path}.</source>
        <translation>Der Lizenzverlauf wurde unter {path} gespeichert.</translation>
    </message>
    <message>
        <source>The seat timeline could not be saved: {error}</source>
        <translation>Der Lizenzverlauf konnte nicht gespeichert werden: {error}</translation>
    </message>
</context>
<context>
    <name>CrashReporter</name>
    <message>
        <source>Something went wrong</source>
        <translation>Etwas ist schiefgelaufen</translation>
    </message>
    <message>
        <source>Manage Account hit an unexpected problem. Your purchases are safe: each one is saved before anything else happens.</source>
        <translation>Manage Account ist auf ein unerwartetes Problem gestoßen. Ihre Käufe sind sicher: Jeder wird gespeichert, bevor irgendetwas anderes geschieht.</translation>
    </message>
    <message>
        <source>The details are in the log.</source>
        <translation>Die Einzelheiten stehen im Protokoll.</translation>
    </message>
    <message>
        <source>Open Log Folder</source>
        <translation>Protokollordner öffnen</translation>
    </message>
</context>
<context>
    <name>ExportDocumentsDialog</name>
    <message>
        <source>Export Documents</source>
        <translation>Dokumente exportieren</translation>
    </message>
    <message>
        <source>Dates below</source>
        <translation>Daten unten</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren …</translation>
    </message>
    <message>
        <source>Fiscal &amp;year:</source>
        <translation>Geschäfts&amp;jahr:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Von:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Bis:</translation>
    </message>
</context>
<context>
    <name>ExportReceiptsDialog</name>
    <message>
        <source>Export Receipts</source>
        <translation>Belege exportieren</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Von:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Bis:</translation>
    </message>
    <message>
        <source>F&amp;older:</source>
        <translation>&amp;Ordner:</translation>
    </message>
    <message>
        <source>Export receipts to folder</source>
        <translation>Belege in Ordner exportieren</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome to Manage Account</source>
        <translation>Willkommen bei Manage Account</translation>
    </message>
    <message>
        <source>Connect Manage Account to your organization&apos;s account service.</source>
        <translation>Verbinden Sie Manage Account mit dem Kontodienst Ihrer Organisation.</translation>
    </message>
    <message>
        <source>Enter its address in Settings: your IT department or your account manager knows it. Or look around first with the demo organization, Northwind Traders.</source>
        <translation>Geben Sie seine Adresse in den Einstellungen ein: Ihre IT-Abteilung oder Ihr Kundenbetreuer kennt sie. Oder sehen Sie sich zuerst mit der Demo-Organisation Northwind Traders um.</translation>
    </message>
    <message>
        <source>Open &amp;Settings…</source>
        <translation>&amp;Einstellungen öffnen…</translation>
    </message>
    <message>
        <source>Try the &amp;Demo</source>
        <translation>&amp;Demo ausprobieren</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
</context>
<context>
    <name>FolderField</name>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen …</translation>
    </message>
</context>
<context>
    <name>FreeSeatsDialog</name>
    <message>
        <source>Free Seats</source>
        <translation>Lizenzen freigeben</translation>
    </message>
    <message numerus="yes">
        <source>Free the seats of these %Ln user(s)?</source>
        <translation>
            <numerusform>Die Lizenz von %Ln Benutzer freigeben?</numerusform>
            <numerusform>Die Lizenzen dieser %Ln Benutzer freigeben?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %Ln more</source>
        <translation>
            <numerusform>und %Ln weiterer</numerusform>
            <numerusform>und %Ln weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>Available seats: {before} → {after}</source>
        <translation>Verfügbare Lizenzen: {before} → {after}</translation>
    </message>
    <message>
        <source>They cannot use the product until they have a seat again. You can undo this for 14 days; seats are given back while some are available.</source>
        <translation>Sie können das Produkt erst wieder nutzen, wenn sie wieder eine Lizenz haben. Sie können dies 14 Tage lang rückgängig machen; Lizenzen werden zurückgegeben, solange welche verfügbar sind.</translation>
    </message>
    <message>
        <source>&amp;Reason (optional):</source>
        <translation>&amp;Grund (optional):</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Free %Ln Seat(s)</source>
        <translation>
            <numerusform>%Ln Lizenz &amp;freigeben</numerusform>
            <numerusform>%Ln Lizenzen &amp;freigeben</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>No file was written.</source>
        <translation>Es wurde keine Datei geschrieben.</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <source>Filter purchases</source>
        <translation>Käufe filtern</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>Rechnung</translation>
    </message>
    <message>
        <source>All invoices</source>
        <translation>Alle Rechnungen</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Vertrag</translation>
    </message>
    <message>
        <source>All contracts</source>
        <translation>Alle Verträge</translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>CSV e&amp;xportieren …</translation>
    </message>
    <message>
        <source>Open &amp;Invoice…</source>
        <translation>&amp;Rechnung öffnen …</translation>
    </message>
    <message>
        <source>Transaction history</source>
        <translation>Transaktionsverlauf</translation>
    </message>
    <message>
        <source>View &amp;Receipt…</source>
        <translation>&amp;Beleg anzeigen …</translation>
    </message>
    <message>
        <source>Export Receipts of the Listed Purchases…</source>
        <translation>Belege der aufgeführten Käufe exportieren …</translation>
    </message>
    <message>
        <source>C&amp;ontract:</source>
        <translation>Vertra&amp;g:</translation>
    </message>
    <message>
        <source>Renewal {transaction_id} for {period}: {seats} seats, {amount}. {state}</source>
        <translation>Verlängerung {transaction_id} für {period}: {seats} Lizenzen, {amount}. {state}</translation>
    </message>
    <message>
        <source>Answered: {answer}</source>
        <translation>Beantwortet: {answer}</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Angefragt</translation>
    </message>
    <message>
        <source>Fewer seats asked on {day}: {seats} seats next term. {state}</source>
        <translation>Weniger Lizenzen angefragt am {day}: {seats} Lizenzen in der nächsten Laufzeit. {state}</translation>
    </message>
    <message>
        <source>purchases.csv</source>
        <translation>kaeufe.csv</translation>
    </message>
    <message>
        <source>Export purchases</source>
        <translation>Käufe exportieren</translation>
    </message>
    <message>
        <source>Transaction ID, invoice or PO number, or purchaser</source>
        <translation>Transaktions-ID, Rechnungs- oder Bestellnummer, Käufer</translation>
    </message>
    <message>
        <source>Open &amp;Receipt…</source>
        <translation>&amp;Beleg öffnen …</translation>
    </message>
    <message>
        <source>Cop&amp;y ID</source>
        <translation>ID &amp;kopieren</translation>
    </message>
    <message>
        <source>Copy the transaction ID, to give it to the vendor</source>
        <translation>Die Transaktions-ID kopieren, um sie dem Anbieter zu nennen</translation>
    </message>
    <message>
        <source>Fi&amp;nd:</source>
        <translation>&amp;Suchen:</translation>
    </message>
    <message>
        <source>St&amp;atus:</source>
        <translation>St&amp;atus:</translation>
    </message>
    <message>
        <source>In&amp;voice:</source>
        <translation>Rechn&amp;ungen:</translation>
    </message>
    <message>
        <source>C&amp;lear Filter</source>
        <translation>Filter &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>Select a purchase to see its details and open its documents.</source>
        <translation>Wählen Sie einen Kauf, um seine Details zu sehen und seine Dokumente zu öffnen.</translation>
    </message>
    <message>
        <source>No purchases match the filter: {filters}.</source>
        <translation>Kein Kauf passt zum Filter: {filters}.</translation>
    </message>
    <message>
        <source>No purchases yet. Seats bought on the Add Seats tab are listed here, with their receipts and invoices.</source>
        <translation>Noch keine Käufe. Lizenzen, die Sie unter „Lizenzen hinzufügen“ kaufen, stehen hier mit ihren Belegen und Rechnungen.</translation>
    </message>
    <message>
        <source>Find “{text}”</source>
        <translation>Suche „{text}“</translation>
    </message>
    <message>
        <source>Status: {value}</source>
        <translation>Status: {value}</translation>
    </message>
    <message>
        <source>Invoice: {value}</source>
        <translation>Rechnung: {value}</translation>
    </message>
    <message>
        <source>Contract: {value}</source>
        <translation>Vertrag: {value}</translation>
    </message>
    <message>
        <source>Copied {transaction_id}.</source>
        <translation>{transaction_id} kopiert.</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Exporting purchases…</source>
        <translation>Käufe werden exportiert …</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln purchase(s) to {path}.</source>
        <translation>
            <numerusform>%Ln Kauf nach {path} exportiert.</numerusform>
            <numerusform>%Ln Käufe nach {path} exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Exporting receipts…</source>
        <translation>Belege werden exportiert …</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln receipt(s) to {folder}.</source>
        <translation>
            <numerusform>%Ln Beleg nach {folder} exportiert.</numerusform>
            <numerusform>%Ln Belege nach {folder} exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export receipts to folder</source>
        <translation>Belege in Ordner exportieren</translation>
    </message>
    <message>
        <source>The contracts could not be read: {error}</source>
        <translation>Die Verträge konnten nicht gelesen werden: {error}</translation>
    </message>
</context>
<context>
    <name>HistoryTableModel</name>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Transaction ID</source>
        <translation>Transaktions-ID</translation>
    </message>
    <message>
        <source>Seats</source>
        <translation>Lizenzen</translation>
    </message>
    <message>
        <source>Prorated months</source>
        <translation>Anteilige Monate</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Invoice number</source>
        <translation>Rechnungsnummer</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>Rechnung</translation>
    </message>
    <message>
        <source>Purchased by</source>
        <translation>Gekauft von</translation>
    </message>
    <message>
        <source>PO number</source>
        <translation>Bestellnummer (PO)</translation>
    </message>
    <message>
        <source>Recorded on this computer. It is sent to the account service as soon as it can be reached; nothing is lost meanwhile.</source>
        <translation>Auf diesem Computer erfasst. Der Kauf wird an den Kontodienst gesendet, sobald dieser erreichbar ist; bis dahin geht nichts verloren.</translation>
    </message>
    <message>
        <source>Above the buyer&apos;s spending limit: an approver decides (Administration &gt; Approvals). Nothing is ordered or invoiced until it is approved.</source>
        <translation>Über dem Ausgabenlimit der kaufenden Person: Eine genehmigende Person entscheidet (Verwaltung &gt; Genehmigungen). Bestellt oder berechnet wird erst nach der Genehmigung.</translation>
    </message>
    <message>
        <source>Accepted by the account service. The seats go live within 5 minutes of acceptance.</source>
        <translation>Vom Kontodienst angenommen. Die Lizenzen sind innerhalb von 5 Minuten nach der Annahme aktiv.</translation>
    </message>
    <message>
        <source>Accepted more than 5 minutes ago and not live yet. Contact your account manager with the transaction ID.</source>
        <translation>Vor mehr als 5 Minuten angenommen und noch nicht aktiv. Wenden Sie sich mit der Transaktions-ID an Ihren Kundenbetreuer.</translation>
    </message>
    <message>
        <source>The seats are live. The vendor invoices the amount shown.</source>
        <translation>Die Lizenzen sind aktiv. Der Anbieter stellt den angezeigten Betrag in Rechnung.</translation>
    </message>
    <message>
        <source>The account service refused it: nothing was bought or invoiced.</source>
        <translation>Der Kontodienst hat den Kauf abgelehnt: Es wurde nichts gekauft oder in Rechnung gestellt.</translation>
    </message>
    <message>
        <source>{status}, live by {time}</source>
        <translation>{status}, aktiv bis {time}</translation>
    </message>
    <message>
        <source>Not issued yet</source>
        <translation>Noch nicht ausgestellt</translation>
    </message>
    <message>
        <source>The history could not be read: {error}</source>
        <translation>Der Verlauf konnte nicht gelesen werden: {error}</translation>
    </message>
</context>
<context>
    <name>Invoices</name>
    <message>
        <source>The vendor has not invoiced this purchase yet.</source>
        <translation>Der Anbieter hat diesen Kauf noch nicht in Rechnung gestellt.</translation>
    </message>
    <message>
        <source>Invoice {number} has not been downloaded yet: sign in to the account service once, and it is kept on this computer from then on.</source>
        <translation>Rechnung {number} wurde noch nicht heruntergeladen: Melden Sie sich einmal beim Kontodienst an, danach bleibt sie auf diesem Computer.</translation>
    </message>
    <message>
        <source>Invoice {number} arrived damaged (its SHA-256 does not match): try again.</source>
        <translation>Rechnung {number} kam beschädigt an (ihr SHA-256 stimmt nicht): Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>No purchase or renewal has the transaction ID {transaction_id}.</source>
        <translation>Kein Kauf und keine Verlängerung hat die Transaktions-ID {transaction_id}.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Überfällig</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Bezahlt</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>Storniert</translation>
    </message>
    <message>
        <source>Due on {date}</source>
        <translation>Fällig am {date}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Manage Account — {organization}</source>
        <translation>Manage Account – {organization}</translation>
    </message>
    <message>
        <source>&amp;Contract</source>
        <translation>&amp;Vertrag</translation>
    </message>
    <message>
        <source>Add &amp;Seats</source>
        <translation>&amp;Lizenzen hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Transaction History</source>
        <translation>&amp;Transaktionsverlauf</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Wird gezählt …</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Export Receipts…</source>
        <translation>Belege e&amp;xportieren …</translation>
    </message>
    <message>
        <source>Export &amp;Documents…</source>
        <translation>&amp;Dokumente exportieren …</translation>
    </message>
    <message>
        <source>&amp;Verify Receipt…</source>
        <translation>Beleg &amp;prüfen …</translation>
    </message>
    <message>
        <source>&amp;Billing Profile…</source>
        <translation>&amp;Rechnungsprofil …</translation>
    </message>
    <message>
        <source>Q&amp;uotes…</source>
        <translation>An&amp;gebote …</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen …</translation>
    </message>
    <message>
        <source>Sign &amp;Out</source>
        <translation>&amp;Abmelden</translation>
    </message>
    <message>
        <source>S&amp;witch Account…</source>
        <translation>Konto &amp;wechseln …</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>App&amp;rovals…</source>
        <translation>Ge&amp;nehmigungen …</translation>
    </message>
    <message>
        <source>Ad&amp;ministration</source>
        <translation>Ver&amp;waltung</translation>
    </message>
    <message>
        <source>&amp;Permission Sets…</source>
        <translation>&amp;Berechtigungssätze …</translation>
    </message>
    <message>
        <source>&amp;Audit Log…</source>
        <translation>&amp;Prüfprotokoll …</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Learn more about Manage Account</source>
        <translation>&amp;Mehr über Manage Account erfahren</translation>
    </message>
    <message>
        <source>Check for &amp;Updates…</source>
        <translation>Nach &amp;Updates suchen …</translation>
    </message>
    <message>
        <source>&amp;About Manage Account</source>
        <translation>Ü&amp;ber Manage Account</translation>
    </message>
    <message>
        <source>Restart Manage Account?</source>
        <translation>Manage Account neu starten?</translation>
    </message>
    <message>
        <source>The new language and account service apply when Manage Account starts again.</source>
        <translation>Die neue Sprache und der neue Kontodienst gelten, sobald Manage Account neu startet.</translation>
    </message>
    <message>
        <source>Restart &amp;Now</source>
        <translation>Jetzt &amp;neu starten</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>&amp;Später</translation>
    </message>
    <message>
        <source>Sign Out Everywhere needs the account service: this computer is working offline. Try again once the service answers.</source>
        <translation>Überall abmelden braucht den Kontodienst: Dieser Computer arbeitet offline. Versuchen Sie es erneut, sobald der Dienst antwortet.</translation>
    </message>
    <message>
        <source>Sign Out Everywhere</source>
        <translation>Überall abmelden</translation>
    </message>
    <message>
        <source>The sessions on other computers could not be ended: {error}</source>
        <translation>Die Sitzungen auf anderen Computern konnten nicht beendet werden: {error}</translation>
    </message>
    <message>
        <source>Your session has ended. Sign in again to go on syncing.</source>
        <translation>Ihre Sitzung ist beendet. Melden Sie sich erneut an, um weiter zu synchronisieren.</translation>
    </message>
    <message>
        <source>The contract data could not be removed from this computer ({error}); it is tried again when Manage Account starts.</source>
        <translation>Die Vertragsdaten konnten nicht von diesem Computer entfernt werden ({error}); beim nächsten Start von Manage Account wird es erneut versucht.</translation>
    </message>
    <message>
        <source>It is above your spending limit of {limit}: an approver is asked, and nothing is ordered or invoiced until one approves. Transaction History shows its status.</source>
        <translation>Er liegt über Ihrem Ausgabenlimit von {limit}: Eine genehmigende Person wird gefragt, und bestellt oder berechnet wird erst nach der Genehmigung. Der Transaktionsverlauf zeigt seinen Status.</translation>
    </message>
    <message>
        <source>No payment is taken here: the vendor will send an invoice.
The new seats go live within 5 minutes; Transaction History shows their status.</source>
        <translation>Hier wird nichts bezahlt: Der Anbieter schickt eine Rechnung.
Die neuen Lizenzen sind innerhalb von 5 Minuten aktiv; der Transaktionsverlauf zeigt ihren Status.</translation>
    </message>
    <message>
        <source>Transaction ID: {transaction_id}
Amount: {amount}</source>
        <translation>Transaktions-ID: {transaction_id}
Betrag: {amount}</translation>
    </message>
    <message numerus="yes">
        <source>{transaction_id}: %Ln seat(s) for {old}, now {new}</source>
        <translation>
            <numerusform>{transaction_id}: %Ln Lizenz für {old}, jetzt {new}</numerusform>
            <numerusform>{transaction_id}: %Ln Lizenzen für {old}, jetzt {new}</numerusform>
        </translation>
    </message>
    <message>
        <source>Purchase not accepted</source>
        <translation>Kauf nicht angenommen</translation>
    </message>
    <message numerus="yes">
        <source>The account service did not accept %n purchase(s): the total shown then is no longer valid, so nothing was bought or invoiced.</source>
        <translation>
            <numerusform>Der Kontodienst hat %n Kauf nicht angenommen: Der damals angezeigte Gesamtbetrag gilt nicht mehr, daher wurde nichts gekauft oder in Rechnung gestellt.</numerusform>
            <numerusform>Der Kontodienst hat %n Käufe nicht angenommen: Der damals angezeigte Gesamtbetrag gilt nicht mehr, daher wurde nichts gekauft oder in Rechnung gestellt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Check today&apos;s total and purchase again.</source>
        <translation>Prüfen Sie den heutigen Gesamtbetrag und kaufen Sie erneut.</translation>
    </message>
    <message>
        <source>&amp;Review in Add Seats</source>
        <translation>In „Lizenzen hinzufügen“ &amp;prüfen</translation>
    </message>
    <message>
        <source>Export documents</source>
        <translation>Dokumente exportieren</translation>
    </message>
    <message>
        <source>ZIP files (*.zip)</source>
        <translation>ZIP-Dateien (*.zip)</translation>
    </message>
    <message>
        <source>Exporting documents…</source>
        <translation>Dokumente werden exportiert …</translation>
    </message>
    <message>
        <source>Verify receipt</source>
        <translation>Beleg prüfen</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <source>{file} could not be read: {error}</source>
        <translation>{file} konnte nicht gelesen werden: {error}</translation>
    </message>
    <message>
        <source>Verify Receipt</source>
        <translation>Beleg prüfen</translation>
    </message>
    <message>
        <source>Invoice {number}</source>
        <translation>Rechnung {number}</translation>
    </message>
    <message>
        <source>Opening the invoice…</source>
        <translation>Die Rechnung wird geöffnet …</translation>
    </message>
    <message>
        <source>The invoice could not be opened: {error}</source>
        <translation>Die Rechnung konnte nicht geöffnet werden: {error}</translation>
    </message>
    <message>
        <source>Billing profile saved.</source>
        <translation>Rechnungsprofil gespeichert.</translation>
    </message>
    <message>
        <source>The billing profile could not be read: {error}</source>
        <translation>Das Rechnungsprofil konnte nicht gelesen werden: {error}</translation>
    </message>
    <message>
        <source>The list of users comes from the account service: sign in to it to see who holds these seats.</source>
        <translation>Die Liste der Benutzer kommt vom Kontodienst: Melden Sie sich dort an, um zu sehen, wer diese Lizenzen hält.</translation>
    </message>
    <message numerus="yes">
        <source>Seats held by users inactive for more than %Ln day(s)</source>
        <translation>
            <numerusform>Lizenzen von Benutzern, die seit über %Ln Tag inaktiv sind</numerusform>
            <numerusform>Lizenzen von Benutzern, die seit über %Ln Tagen inaktiv sind</numerusform>
        </translation>
    </message>
    <message>
        <source>Seats held by disabled users</source>
        <translation>Lizenzen deaktivierter Benutzer</translation>
    </message>
    <message numerus="yes">
        <source>Your contract ends on {date}; %Ln day(s) remain.</source>
        <translation>
            <numerusform>Ihr Vertrag endet am {date}; noch %Ln Tag.</numerusform>
            <numerusform>Ihr Vertrag endet am {date}; noch %Ln Tage.</numerusform>
        </translation>
    </message>
    <message>
        <source>A request for fewer seats goes to your account manager through the account service: sign in to it, or contact your account manager directly.</source>
        <translation>Eine Anfrage für weniger Lizenzen geht über den Kontodienst an Ihren Kundenbetreuer: Melden Sie sich dort an, oder wenden Sie sich direkt an Ihren Kundenbetreuer.</translation>
    </message>
    <message>
        <source>Renewal {transaction_id}</source>
        <translation>Verlängerung {transaction_id}</translation>
    </message>
    <message>
        <source>The renewal&apos;s document could not be made: {error}</source>
        <translation>Der Beleg der Verlängerung konnte nicht erstellt werden: {error}</translation>
    </message>
    <message>
        <source>Si&amp;gn Out Everywhere</source>
        <translation>Überall ab&amp;melden</translation>
    </message>
    <message numerus="yes">
        <source>Exported the documents of %Ln order(s) to {path}.</source>
        <translation>
            <numerusform>Die Dokumente von %Ln Auftrag wurden nach {path} exportiert.</numerusform>
            <numerusform>Die Dokumente von %Ln Aufträgen wurden nach {path} exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>These users hold a seat but do not use it. Select them and free their seats before buying more; a release can be undone for 14 days.</source>
        <translation>Diese Benutzer haben eine Lizenz, nutzen sie aber nicht. Wählen Sie sie aus und geben Sie ihre Lizenzen frei, bevor Sie weitere kaufen; eine Freigabe lässt sich 14 Tage lang rückgängig machen.</translation>
    </message>
    <message>
        <source>Renewal recorded: it is sent to the account service, which invoices it.</source>
        <translation>Verlängerung erfasst: Sie wird an den Kontodienst gesendet, der sie in Rechnung stellt.</translation>
    </message>
    <message>
        <source>Contract ends soon</source>
        <translation>Der Vertrag endet bald</translation>
    </message>
    <message>
        <source>Add to Calendar</source>
        <translation>Zum Kalender hinzufügen</translation>
    </message>
    <message>
        <source>Calendar files (*.ics)</source>
        <translation>Kalenderdateien (*.ics)</translation>
    </message>
    <message>
        <source>Saved the contract&apos;s dates to {path}.</source>
        <translation>Die Daten des Vertrags wurden unter {path} gespeichert.</translation>
    </message>
    <message>
        <source>The calendar file could not be saved: {error}</source>
        <translation>Die Kalenderdatei konnte nicht gespeichert werden: {error}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln+ purchase(s)</source>
        <translation>
            <numerusform>%Ln+ Kauf</numerusform>
            <numerusform>%Ln+ Käufe</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln purchase(s)</source>
        <translation>
            <numerusform>%Ln Kauf</numerusform>
            <numerusform>%Ln Käufe</numerusform>
        </translation>
    </message>
    <message>
        <source>Purchase {transaction_id} recorded.</source>
        <translation>Kauf {transaction_id} erfasst.</translation>
    </message>
    <message>
        <source>Purchase recorded</source>
        <translation>Kauf erfasst</translation>
    </message>
    <message numerus="yes">
        <source>Your purchase of %Ln seat(s) is recorded.</source>
        <translation>
            <numerusform>Ihr Kauf von %Ln Lizenz ist erfasst.</numerusform>
            <numerusform>Ihr Kauf von %Ln Lizenzen ist erfasst.</numerusform>
        </translation>
    </message>
    <message>
        <source>View &amp;Receipt…</source>
        <translation>&amp;Beleg anzeigen …</translation>
    </message>
</context>
<context>
    <name>NotificationArea</name>
    <message>
        <source>Show fewer</source>
        <translation>Weniger anzeigen</translation>
    </message>
    <message numerus="yes">
        <source>%Ln more notice(s)</source>
        <translation>
            <numerusform>%Ln weiterer Hinweis</numerusform>
            <numerusform>%Ln weitere Hinweise</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OrderSummaryView</name>
    <message>
        <source>Taxes, if any, are added by the vendor on the invoice.</source>
        <translation>Etwaige Steuern berechnet der Anbieter zusätzlich auf der Rechnung.</translation>
    </message>
    <message>
        <source>Seats:</source>
        <translation>Lizenzen:</translation>
    </message>
    <message>
        <source>Price per seat per month:</source>
        <translation>Preis pro Lizenz und Monat:</translation>
    </message>
    <message>
        <source>Billed for:</source>
        <translation>Berechnet für:</translation>
    </message>
    <message>
        <source>Amount:</source>
        <translation>Betrag:</translation>
    </message>
    <message numerus="yes">
        <source>%Ln seat(s) are held by disabled users: freeing them may be enough.</source>
        <translation>
            <numerusform>%Ln Lizenz hält ein deaktivierter Benutzer: Sie freizugeben, könnte genügen.</numerusform>
            <numerusform>%Ln Lizenzen halten deaktivierte Benutzer: Sie freizugeben, könnte genügen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Free the %Ln seat(s) held by disabled users instead</source>
        <translation>
            <numerusform>Stattdessen die %Ln Lizenz eines deaktivierten Benutzers freigeben</numerusform>
            <numerusform>Stattdessen die %Ln Lizenzen deaktivierter Benutzer freigeben</numerusform>
        </translation>
    </message>
    <message>
        <source>{now} → {after}</source>
        <translation>{now} → {after}</translation>
    </message>
    <message>
        <source>({assigned} assigned)</source>
        <translation>({assigned} zugewiesen)</translation>
    </message>
</context>
<context>
    <name>Orders</name>
    <message>
        <source>There is no current contract to add seats to.</source>
        <translation>Es gibt keinen laufenden Vertrag, dem Lizenzen hinzugefügt werden können.</translation>
    </message>
    <message>
        <source>The total differs from the price on the day it was quoted, so nothing was ordered.</source>
        <translation>Der Gesamtbetrag weicht vom Preis am Tag des Angebots ab, daher wurde nichts bestellt.</translation>
    </message>
    <message>
        <source>Above the spending limit, and {approver} did not approve it: {reason}</source>
        <translation>Über dem Ausgabenlimit, und {approver} hat nicht genehmigt: {reason}</translation>
    </message>
    <message>
        <source>Above the spending limit, and no approver decided while its price held (until {valid_until}), so nothing was ordered.</source>
        <translation>Über dem Ausgabenlimit, und niemand hat entschieden, solange der Preis galt (bis {valid_until}); daher wurde nichts bestellt.</translation>
    </message>
    <message>
        <source>The purchase order number can have at most 40 characters, all of them printable (no tabs, line breaks or other control characters).</source>
        <translation>Die Bestellnummer darf höchstens 40 Zeichen haben, alle druckbar (keine Tabulatoren, Zeilenumbrüche oder anderen Steuerzeichen).</translation>
    </message>
    <message>
        <source>The note for the invoice can have at most 500 characters, and no tabs or other control characters (line breaks are fine).</source>
        <translation>Die Notiz für die Rechnung darf höchstens 500 Zeichen haben und keine Tabulatoren oder anderen Steuerzeichen (Zeilenumbrüche sind erlaubt).</translation>
    </message>
    <message>
        <source>There is no quote {number} for your organization.</source>
        <translation>Für Ihre Organisation gibt es kein Angebot {number}.</translation>
    </message>
    <message>
        <source>Quote {number} was ordered already (transaction {transaction_id}); a quote is good for one order.</source>
        <translation>Angebot {number} wurde bereits bestellt (Transaktion {transaction_id}); ein Angebot gilt für eine Bestellung.</translation>
    </message>
    <message>
        <source>Quote {number} was valid until {valid_until}, so nothing was ordered. Ask for a new quote, or order at today&apos;s price.</source>
        <translation>Angebot {number} war bis {valid_until} gültig, daher wurde nichts bestellt. Fordern Sie ein neues Angebot an oder bestellen Sie zum heutigen Preis.</translation>
    </message>
    <message>
        <source>The order differs from quote {number} (its kind, seats or total), so nothing was ordered.</source>
        <translation>Die Bestellung weicht von Angebot {number} ab (Art, Lizenzen oder Betrag), daher wurde nichts bestellt.</translation>
    </message>
    <message>
        <source>The purchase must be acknowledged (acknowledged: true), with the text the purchaser agreed to (acknowledgement_text).</source>
        <translation>Der Kauf muss bestätigt sein (acknowledged: true), mit dem Text, dem die kaufende Person zugestimmt hat (acknowledgement_text).</translation>
    </message>
    <message>
        <source>quoted_amount must be the total shown, as a decimal string such as &quot;562.50&quot;.</source>
        <translation>quoted_amount muss der angezeigte Gesamtbetrag sein, als Dezimalzeichenkette wie &quot;562.50&quot;.</translation>
    </message>
    <message>
        <source>quote_date must be a date such as &quot;2026-11-27&quot;, or left out.</source>
        <translation>quote_date muss ein Datum wie &quot;2026-11-27&quot; sein oder fehlen.</translation>
    </message>
    <message>
        <source>The quote date {quote_date} is after today ({today}) where you are.</source>
        <translation>Das Angebotsdatum {quote_date} liegt nach dem heutigen Tag ({today}) an Ihrem Standort.</translation>
    </message>
    <message>
        <source>The total quoted on {quote_date} is no longer valid, so nothing was ordered. Check today&apos;s total and purchase again.</source>
        <translation>Der am {quote_date} angebotene Gesamtbetrag gilt nicht mehr, daher wurde nichts bestellt. Prüfen Sie den heutigen Gesamtbetrag und kaufen Sie erneut.</translation>
    </message>
</context>
<context>
    <name>OverviewState</name>
    <message>
        <source>The contract could not be read: {error}</source>
        <translation>Der Vertrag konnte nicht gelesen werden: {error}</translation>
    </message>
</context>
<context>
    <name>PermissionRequiredPage</name>
    <message>
        <source>You need the {permission} permission</source>
        <translation>Sie benötigen die Berechtigung {permission}</translation>
    </message>
    <message>
        <source>The permission set of {name} (&lt;b&gt;{permission_set}&lt;/b&gt;) does not include &lt;b&gt;{permission}&lt;/b&gt;, which is needed to see the contract, add seats and see the transaction history.</source>
        <translation>Der Berechtigungssatz von {name} (&lt;b&gt;{permission_set}&lt;/b&gt;) enthält &lt;b&gt;{permission}&lt;/b&gt; nicht. Diese Berechtigung ist nötig, um den Vertrag zu sehen, Lizenzen hinzuzufügen und den Transaktionsverlauf zu sehen.</translation>
    </message>
    <message>
        <source>Your permission set does not include &lt;b&gt;{permission}&lt;/b&gt;, which is needed to see the contract, add seats and see the transaction history.</source>
        <translation>Ihr Berechtigungssatz enthält &lt;b&gt;{permission}&lt;/b&gt; nicht. Diese Berechtigung ist nötig, um den Vertrag zu sehen, Lizenzen hinzuzufügen und den Transaktionsverlauf zu sehen.</translation>
    </message>
    <message>
        <source>&amp;Request Access…</source>
        <translation>Zugriff &amp;anfordern …</translation>
    </message>
    <message>
        <source>Opens an e-mail to them in your e-mail program</source>
        <translation>Öffnet eine E-Mail an sie in Ihrem E-Mail-Programm</translation>
    </message>
    <message>
        <source>Looking up who can give it to you…</source>
        <translation>Es wird nachgesehen, wer sie Ihnen erteilen kann …</translation>
    </message>
    <message>
        <source>These administrators can give it to you:</source>
        <translation>Diese Administratoren können sie Ihnen erteilen:</translation>
    </message>
    <message>
        <source>Ask an administrator of your organization who manages permission sets.</source>
        <translation>Fragen Sie einen Administrator Ihrer Organisation, der Berechtigungssätze verwaltet.</translation>
    </message>
    <message>
        <source>Please enable Manage Account for me</source>
        <translation>Bitte Manage Account für mich aktivieren</translation>
    </message>
    <message>
        <source>Hello,

please enable {permission} for my permission set, so I can see our licence contract and add seats: {steps}

Thank you,
{name}</source>
        <translation>Hallo,

bitte aktivieren Sie {permission} für meinen Berechtigungssatz, damit ich unseren Lizenzvertrag sehen und Lizenzen hinzufügen kann: {steps}

Vielen Dank
{name}</translation>
    </message>
</context>
<context>
    <name>PermissionSetsDialog</name>
    <message>
        <source>Permission Sets</source>
        <translation>Berechtigungssätze</translation>
    </message>
    <message>
        <source>Permission sets</source>
        <translation>Berechtigungssätze</translation>
    </message>
    <message>
        <source>&amp;Manage Account</source>
        <translation>&amp;Manage Account</translation>
    </message>
    <message>
        <source>View &amp;Billing (invoices, documents, billing profile; no buying)</source>
        <translation>&amp;Abrechnung einsehen (Rechnungen, Dokumente, Rechnungsprofil; kein Kauf)</translation>
    </message>
    <message>
        <source>&amp;Approve Purchases</source>
        <translation>Käufe &amp;freigeben</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Kein Limit</translation>
    </message>
    <message>
        <source>The most one purchase may cost, in the contract&apos;s currency, such as 1000.00; empty for no limit. Purchases above it will need an approver.</source>
        <translation>Der Höchstbetrag eines Kaufs in der Vertragswährung, etwa 1000.00; leer für kein Limit. Käufe darüber brauchen eine Freigabe.</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>S&amp;peichern</translation>
    </message>
    <message>
        <source>&amp;Permission sets:</source>
        <translation>&amp;Berechtigungssätze:</translation>
    </message>
    <message>
        <source>Spending &amp;limit per purchase:</source>
        <translation>Ausgaben&amp;limit pro Kauf:</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen …</translation>
    </message>
    <message numerus="yes">
        <source>%Ln administrator(s)</source>
        <translation>
            <numerusform>%Ln Administrator</numerusform>
            <numerusform>%Ln Administratoren</numerusform>
        </translation>
    </message>
    <message>
        <source>The spending limit must be an amount such as 1000.00, or empty.</source>
        <translation>Das Ausgabenlimit muss ein Betrag wie 1000.00 sein oder leer bleiben.</translation>
    </message>
    <message>
        <source>Saved: {name} takes effect from its administrators&apos; next request.</source>
        <translation>Gespeichert: {name} gilt ab der nächsten Anfrage seiner Administratoren.</translation>
    </message>
    <message>
        <source>Not saved: {error}</source>
        <translation>Nicht gespeichert: {error}</translation>
    </message>
</context>
<context>
    <name>PlainText</name>
    <message>
        <source>{field} cannot contain {character}: type it on one line, without control or invisible formatting characters.</source>
        <translation>{field} darf {character} nicht enthalten: Geben Sie den Text in einer Zeile ein, ohne Steuerzeichen oder unsichtbare Formatierungszeichen.</translation>
    </message>
    <message>
        <source>{field} cannot contain {character}: line breaks are fine, control and invisible formatting characters are not.</source>
        <translation>{field} darf {character} nicht enthalten: Zeilenumbrüche sind erlaubt, Steuerzeichen und unsichtbare Formatierungszeichen nicht.</translation>
    </message>
    <message>
        <source>{field} can have at most {limit} characters.</source>
        <translation>{field} darf höchstens {limit} Zeichen haben.</translation>
    </message>
</context>
<context>
    <name>Progress</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Export cancelled. {reason}</source>
        <translation>Export abgebrochen. {reason}</translation>
    </message>
    <message>
        <source>Export failed: {error}</source>
        <translation>Export fehlgeschlagen: {error}</translation>
    </message>
</context>
<context>
    <name>Proration</name>
    <message>
        <source>named on the Contract tab</source>
        <translation>auf der Registerkarte Vertrag genannt</translation>
    </message>
    <message>
        <source>Enter the number of additional seats as a whole number, for example 5.</source>
        <translation>Geben Sie die Zahl zusätzlicher Lizenzen als ganze Zahl ein, zum Beispiel 5.</translation>
    </message>
    <message>
        <source>Seats cannot be reduced here. To reduce seats, contact your account manager, {manager}.</source>
        <translation>Lizenzen können hier nicht reduziert werden. Wenden Sie sich dafür an Ihren Kundenbetreuer, {manager}.</translation>
    </message>
    <message>
        <source>Enter at least 1 additional seat.</source>
        <translation>Geben Sie mindestens 1 zusätzliche Lizenz ein.</translation>
    </message>
    <message>
        <source>At most 10,000 seats can be added in one purchase. For more, contact your account manager, {manager}.</source>
        <translation>Mit einem Kauf können höchstens 10.000 Lizenzen hinzugefügt werden. Für mehr wenden Sie sich an Ihren Kundenbetreuer, {manager}.</translation>
    </message>
    <message>
        <source>This contract ended on {end}. To renew it, contact your account manager, {manager} ({email}).</source>
        <translation>Dieser Vertrag ist am {end} abgelaufen. Für eine Verlängerung wenden Sie sich an Ihren Kundenbetreuer, {manager} ({email}).</translation>
    </message>
    <message>
        <source>This contract starts on {start}; seats can be added from then.</source>
        <translation>Dieser Vertrag beginnt am {start}; ab dann können Lizenzen hinzugefügt werden.</translation>
    </message>
</context>
<context>
    <name>Purchasing</name>
    <message>
        <source>I acknowledge that I am authorized to make purchase on behalf of my organization</source>
        <translation>Ich bestätige, dass ich berechtigt bin, im Namen meiner Organisation Käufe zu tätigen</translation>
    </message>
    <message>
        <source>The total changed since it was shown, so nothing was bought. Check the new total and purchase again.</source>
        <translation>Der Gesamtbetrag hat sich seit der Anzeige geändert, daher wurde nichts gekauft. Prüfen Sie den neuen Betrag und kaufen Sie erneut.</translation>
    </message>
    <message>
        <source>Your permission set does not include Manage Account.</source>
        <translation>Ihr Berechtigungssatz enthält Manage Account nicht.</translation>
    </message>
    <message>
        <source>Tick the box to confirm that you are authorized to purchase for your organization.</source>
        <translation>Kreuzen Sie das Kästchen an, um zu bestätigen, dass Sie für Ihre Organisation kaufen dürfen.</translation>
    </message>
    <message>
        <source>Quote {number} cannot be ordered from any more: it was used, or it was valid until {valid_until}. Request a new quote.</source>
        <translation>Aus Angebot {number} kann nicht mehr bestellt werden: Es wurde verwendet oder war bis {valid_until} gültig. Fordern Sie ein neues Angebot an.</translation>
    </message>
</context>
<context>
    <name>Quote</name>
    <message numerus="yes">
        <source>%Ln seat(s)</source>
        <translation>
            <numerusform>%Ln Lizenz</numerusform>
            <numerusform>%Ln Lizenzen</numerusform>
        </translation>
    </message>
    <message>
        <source>{price} per seat per month</source>
        <translation>{price} pro Lizenz und Monat</translation>
    </message>
    <message>
        <source>{period}: {days} of the term&apos;s {term_days} days, priced by the day</source>
        <translation>{period}: {days} der {term_days} Tage der Laufzeit, tageweise berechnet</translation>
    </message>
    <message>
        <source>{period}: the contract&apos;s months run from {start}; {current} has started, so {counted}</source>
        <translation>{period}: Die Vertragsmonate laufen ab dem {start}; {current} hat begonnen, also {counted}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln day(s)</source>
        <translation>
            <numerusform>%Ln Tag</numerusform>
            <numerusform>%Ln Tage</numerusform>
        </translation>
    </message>
    <message>
        <source>{months} and {days}</source>
        <translation>{months} und {days}</translation>
    </message>
    <message>
        <source>{period}: {exact}; a started month counts in full, so {counted}</source>
        <translation>{period}: {exact}; ein angefangener Monat zählt voll, also {counted}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln month(s)</source>
        <translation>
            <numerusform>%Ln Monat</numerusform>
            <numerusform>%Ln Monate</numerusform>
        </translation>
    </message>
    <message>
        <source>{remaining}/{whole} days</source>
        <translation>{remaining}/{whole} Tage</translation>
    </message>
</context>
<context>
    <name>QuotesDialog</name>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Ordered</source>
        <translation>Bestellt</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>No quote was made ({error}). Try again when online.</source>
        <translation>Es wurde kein Angebot erstellt ({error}). Versuchen Sie es mit Verbindung erneut.</translation>
    </message>
    <message>
        <source>Quote {number}</source>
        <translation>Angebot {number}</translation>
    </message>
    <message numerus="yes">
        <source>Please find attached quote {number}: %Ln seat(s) for {amount}, valid until {date}.</source>
        <translation>
            <numerusform>Anbei Angebot {number}: %Ln Lizenz für {amount}, gültig bis {date}.</numerusform>
            <numerusform>Anbei Angebot {number}: %Ln Lizenzen für {amount}, gültig bis {date}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Quotes</source>
        <translation>Angebote</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Für</translation>
    </message>
    <message>
        <source>Seats</source>
        <translation>Lizenzen</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Gültig bis</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>PO number</source>
        <translation>Bestellnummer (PO)</translation>
    </message>
    <message>
        <source>Loading quotes…</source>
        <translation>Angebote werden geladen …</translation>
    </message>
    <message>
        <source>&amp;View…</source>
        <translation>&amp;Anzeigen …</translation>
    </message>
    <message>
        <source>&amp;E-mail…</source>
        <translation>&amp;E-Mail …</translation>
    </message>
    <message>
        <source>Opens your mail program; attach the PDF saved with View… (a link cannot).</source>
        <translation>Öffnet Ihr E-Mail-Programm; hängen Sie das mit „Anzeigen …“ gespeicherte PDF an (ein Link kann das nicht).</translation>
    </message>
    <message>
        <source>&amp;Order from Quote</source>
        <translation>Aus Angebot &amp;bestellen</translation>
    </message>
    <message>
        <source>Seats now</source>
        <translation>Lizenzen jetzt</translation>
    </message>
    <message>
        <source>Renewal</source>
        <translation>Verlängerung</translation>
    </message>
    <message>
        <source>No quotes yet: request one on Add Seats.</source>
        <translation>Noch keine Angebote: Fordern Sie eines unter „Lizenzen hinzufügen“ an.</translation>
    </message>
    <message>
        <source>The quotes could not be read ({error}). Try again when online.</source>
        <translation>Die Angebote konnten nicht gelesen werden ({error}). Versuchen Sie es mit Verbindung erneut.</translation>
    </message>
    <message>
        <source>Order from Quote</source>
        <translation>Aus Angebot bestellen</translation>
    </message>
    <message numerus="yes">
        <source>Order %Ln seat(s) for {amount} as quoted in {number}?</source>
        <translation>
            <numerusform>%Ln Lizenz für {amount} wie in {number} angeboten bestellen?</numerusform>
            <numerusform>%Ln Lizenzen für {amount} wie in {number} angeboten bestellen?</numerusform>
        </translation>
    </message>
    <message>
        <source>Ordered: it is sent to the vendor with the quote&apos;s number.</source>
        <translation>Bestellt: Die Bestellung geht mit der Angebotsnummer an den Anbieter.</translation>
    </message>
    <message>
        <source>Nothing was ordered: the purchase could not be recorded ({error}).</source>
        <translation>Nichts wurde bestellt: Der Kauf konnte nicht erfasst werden ({error}).</translation>
    </message>
</context>
<context>
    <name>Receipt</name>
    <message>
        <source>No payment taken. An invoice will follow.</source>
        <translation>Keine Zahlung erhoben. Eine Rechnung folgt.</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Quittung</translation>
    </message>
    <message>
        <source>Renewal confirmation</source>
        <translation>Verlängerungsbestätigung</translation>
    </message>
    <message>
        <source>Order confirmation</source>
        <translation>Auftragsbestätigung</translation>
    </message>
    <message>
        <source>{status} on {moment}</source>
        <translation>{status} am {moment}</translation>
    </message>
    <message>
        <source>Paid on</source>
        <translation>Bezahlt am</translation>
    </message>
    <message>
        <source>Transaction ID</source>
        <translation>Transaktions-ID</translation>
    </message>
    <message>
        <source>Date of purchase</source>
        <translation>Kaufdatum</translation>
    </message>
    <message>
        <source>Purchased by</source>
        <translation>Gekauft von</translation>
    </message>
    <message>
        <source>PO number</source>
        <translation>Bestellnummer (PO)</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Invoice number</source>
        <translation>Rechnungsnummer</translation>
    </message>
    <message>
        <source>Not issued yet</source>
        <translation>Noch nicht ausgestellt</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Vertrag</translation>
    </message>
    <message>
        <source>Provisioning status</source>
        <translation>Bereitstellungsstatus</translation>
    </message>
    <message>
        <source>Proration</source>
        <translation>Anteilige Berechnung</translation>
    </message>
    <message>
        <source>Additional seats</source>
        <translation>Zusätzliche Lizenzen</translation>
    </message>
    <message>
        <source>Renewal status</source>
        <translation>Status der Verlängerung</translation>
    </message>
    <message>
        <source>Paid on {day}: invoice {number} is settled.</source>
        <translation>Bezahlt am {day}: Rechnung {number} ist beglichen.</translation>
    </message>
    <message>
        <source>No payment taken here: the vendor invoices this amount.</source>
        <translation>Hier wird nichts bezahlt: Der Anbieter stellt diesen Betrag in Rechnung.</translation>
    </message>
    <message>
        <source>Payment terms: net {days} days from the invoice date.</source>
        <translation>Zahlungsbedingungen: {days} Tage netto ab Rechnungsdatum.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln day(s) after the invoice date</source>
        <translation>
            <numerusform>%Ln Tag nach dem Rechnungsdatum</numerusform>
            <numerusform>%Ln Tage nach dem Rechnungsdatum</numerusform>
        </translation>
    </message>
    <message>
        <source>Account holder</source>
        <translation>Kontoinhaber</translation>
    </message>
    <message>
        <source>Payment reference</source>
        <translation>Verwendungszweck</translation>
    </message>
    <message>
        <source>The invoice number, once issued</source>
        <translation>Die Rechnungsnummer, sobald ausgestellt</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Fälligkeitsdatum</translation>
    </message>
    <message>
        <source>Bill to</source>
        <translation>Rechnungsempfänger</translation>
    </message>
    <message>
        <source>Payment details</source>
        <translation>Zahlungsangaben</translation>
    </message>
    <message>
        <source>Note for the invoice</source>
        <translation>Notiz für die Rechnung</translation>
    </message>
    <message>
        <source>Acknowledgement</source>
        <translation>Bestätigung</translation>
    </message>
    <message>
        <source>“{statement}”</source>
        <translation>„{statement}“</translation>
    </message>
    <message>
        <source>Given by {name} on {moment}.</source>
        <translation>Abgegeben von {name} am {moment}.</translation>
    </message>
    <message>
        <source>Account manager: {name}, {email}, {phone}</source>
        <translation>Kundenbetreuer: {name}, {email}, {phone}</translation>
    </message>
    <message>
        <source>Keep this document as proof of purchase. Questions: {email}.</source>
        <translation>Bewahren Sie dieses Dokument als Kaufnachweis auf. Fragen: {email}.</translation>
    </message>
    <message>
        <source>Months</source>
        <translation>Monate</translation>
    </message>
    <message>
        <source>Price per seat per month</source>
        <translation>Preis pro Lizenz und Monat</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation>Zwischensumme</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>Steuer</translation>
    </message>
    <message>
        <source>added by the vendor on the invoice</source>
        <translation>berechnet der Anbieter auf der Rechnung</translation>
    </message>
    <message>
        <source>Total ({currency})</source>
        <translation>Gesamt ({currency})</translation>
    </message>
    <message>
        <source>Contract renewal</source>
        <translation>Vertragsverlängerung</translation>
    </message>
    <message>
        <source>Vendor details not received yet</source>
        <translation>Angaben zum Anbieter noch nicht erhalten</translation>
    </message>
    <message>
        <source>Tax ID: {tax_id}</source>
        <translation>Steuernummer: {tax_id}</translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <source>The receipt could not be made: {error}</source>
        <translation>Der Beleg konnte nicht erstellt werden: {error}</translation>
    </message>
    <message>
        <source>{document} {transaction_id}</source>
        <translation>{document} {transaction_id}</translation>
    </message>
    <message>
        <source>The printer could not be opened.</source>
        <translation>Der Drucker konnte nicht geöffnet werden.</translation>
    </message>
    <message>
        <source>Nothing more was printed.</source>
        <translation>Es wurde nichts mehr gedruckt.</translation>
    </message>
    <message>
        <source>Receipt {transaction_id}</source>
        <translation>Beleg {transaction_id}</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>Als PDF &amp;speichern …</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Drucken …</translation>
    </message>
    <message>
        <source>Save &amp;XML…</source>
        <translation>&amp;XML speichern …</translation>
    </message>
    <message>
        <source>Save the e-invoice&apos;s data (EN 16931, Factur-X) as an XML file to import.</source>
        <translation>Die Daten der E-Rechnung (EN 16931, Factur-X) als XML-Datei zum Import speichern.</translation>
    </message>
    <message>
        <source>Saved to {path}.</source>
        <translation>Gespeichert unter {path}.</translation>
    </message>
    <message>
        <source>Not saved: {error}</source>
        <translation>Nicht gespeichert: {error}</translation>
    </message>
    <message>
        <source>Save e-invoice XML</source>
        <translation>XML der E-Rechnung speichern</translation>
    </message>
    <message>
        <source>XML files (*.xml)</source>
        <translation>XML-Dateien (*.xml)</translation>
    </message>
    <message>
        <source>Save receipt</source>
        <translation>Beleg speichern</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>Wird gedruckt …</translation>
    </message>
    <message numerus="yes">
        <source>Sent %n page(s) to the printer.</source>
        <translation>
            <numerusform>%n Seite an den Drucker gesendet.</numerusform>
            <numerusform>%n Seiten an den Drucker gesendet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not printed: {error}</source>
        <translation>Nicht gedruckt: {error}</translation>
    </message>
    <message>
        <source>Printing cancelled. {reason}</source>
        <translation>Drucken abgebrochen. {reason}</translation>
    </message>
</context>
<context>
    <name>Receipts</name>
    <message>
        <source>{organization} has no purchase or renewal with the transaction ID {id}.</source>
        <translation>{organization} hat keinen Kauf und keine Verlängerung mit der Transaktions-ID {id}.</translation>
    </message>
    <message>
        <source>Genuine: the receipt of {transaction_id} as issued.</source>
        <translation>Echt: der Beleg von {transaction_id}, wie er ausgestellt wurde.</translation>
    </message>
    <message>
        <source>Genuine: the current receipt of {transaction_id}.</source>
        <translation>Echt: der aktuelle Beleg von {transaction_id}.</translation>
    </message>
    <message>
        <source>Not genuine: this file names {transaction_id} but differs from every receipt of it that this app makes. It was changed or made elsewhere.</source>
        <translation>Nicht echt: Diese Datei nennt {transaction_id}, weicht aber von jedem Beleg ab, den diese App dafür erstellt. Sie wurde verändert oder anderswo erstellt.</translation>
    </message>
    <message>
        <source>Not a receipt of ours: this file names no transaction ID.</source>
        <translation>Kein Beleg von uns: Diese Datei nennt keine Transaktions-ID.</translation>
    </message>
</context>
<context>
    <name>Reclaim</name>
    <message>
        <source>Disabled</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inaktiv</translation>
    </message>
    <message>
        <source>An exempt user is no longer in this organization. Read the preview again and choose again.</source>
        <translation>Ein ausgenommener Benutzer gehört nicht mehr zu dieser Organisation. Lesen Sie die Vorschau erneut und wählen Sie noch einmal.</translation>
    </message>
</context>
<context>
    <name>ReclaimPolicyDialog</name>
    <message>
        <source>Reclaim Policy</source>
        <translation>Regel zur Lizenzfreigabe</translation>
    </message>
    <message>
        <source>&amp;Free seats automatically once a day</source>
        <translation>Lizenzen einmal täglich automatisch &amp;freigeben</translation>
    </message>
    <message>
        <source>Each day the service frees the seats of the users below that are not exempt, as one release you can undo for 14 days under Releases.</source>
        <translation>Der Dienst gibt täglich die Lizenzen der unten genannten, nicht ausgenommenen Benutzer frei, als eine Freigabe, die Sie 14 Tage lang unter Freigaben rückgängig machen können.</translation>
    </message>
    <message>
        <source>Users &amp;disabled for at least:</source>
        <translation>Benutzer &amp;deaktiviert seit mindestens:</translation>
    </message>
    <message>
        <source>Users &amp;inactive for more than:</source>
        <translation>Benutzer &amp;inaktiv seit mehr als:</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>&amp;Vorschau</translation>
    </message>
    <message>
        <source>Users whose seats the policy frees</source>
        <translation>Benutzer, deren Lizenzen die Regel freigibt</translation>
    </message>
    <message>
        <source>Exempt</source>
        <translation>Ausgenommen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Since ({zone})</source>
        <translation>Seit ({zone})</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen …</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tagen</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Warn users by e-mail %Ln day(s) before their seat is freed</source>
        <translation>
            <numerusform>Benutzer %Ln Tag vor der Freigabe ihrer Lizenz per E-Mail &amp;warnen</numerusform>
            <numerusform>Benutzer %Ln Tage vor der Freigabe ihrer Lizenz per E-Mail &amp;warnen</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading the preview…</source>
        <translation>Vorschau wird gelesen …</translation>
    </message>
    <message>
        <source>Not known</source>
        <translation>Unbekannt</translation>
    </message>
    <message numerus="yes">
        <source>Applied now, the policy would free %Ln seat(s).</source>
        <translation>
            <numerusform>Jetzt angewendet, würde die Regel %Ln Lizenz freigeben.</numerusform>
            <numerusform>Jetzt angewendet, würde die Regel %Ln Lizenzen freigeben.</numerusform>
        </translation>
    </message>
    <message>
        <source>The days changed: preview them before saving.</source>
        <translation>Die Tage haben sich geändert: Sehen Sie sich vor dem Speichern die Vorschau an.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert …</translation>
    </message>
    <message>
        <source>The reclaim policy could not be read or saved: {error}</source>
        <translation>Die Regel zur Lizenzfreigabe konnte nicht gelesen oder gespeichert werden: {error}</translation>
    </message>
</context>
<context>
    <name>ReductionDialog</name>
    <message>
        <source>Fewer Seats Next Term</source>
        <translation>Weniger Lizenzen in der nächsten Laufzeit</translation>
    </message>
    <message>
        <source>Seats are not reduced here: your account manager receives this request and answers it. The seats stay as they are until then.</source>
        <translation>Lizenzen werden hier nicht reduziert: Ihr Kundenbetreuer erhält diese Anfrage und beantwortet sie. Bis dahin bleiben die Lizenzen, wie sie sind.</translation>
    </message>
    <message>
        <source>Seats wanted next term</source>
        <translation>Gewünschte Lizenzen in der nächsten Laufzeit</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begründung</translation>
    </message>
    <message>
        <source>Send Re&amp;quest</source>
        <translation>Anfrage &amp;senden</translation>
    </message>
    <message>
        <source>&amp;Seats wanted:</source>
        <translation>&amp;Gewünschte Lizenzen:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Begründung:</translation>
    </message>
    <message>
        <source>No requests yet.</source>
        <translation>Noch keine Anfragen.</translation>
    </message>
    <message>
        <source>Answered: {answer}</source>
        <translation>Beantwortet: {answer}</translation>
    </message>
    <message>
        <source>Requested, not answered yet</source>
        <translation>Angefragt, noch nicht beantwortet</translation>
    </message>
    <message>
        <source>{when}: {seats} seats. {state}</source>
        <translation>{when}: {seats} Lizenzen. {state}</translation>
    </message>
    <message>
        <source>Give a reason for your account manager.</source>
        <translation>Geben Sie Ihrem Kundenbetreuer eine Begründung.</translation>
    </message>
    <message>
        <source>The reason</source>
        <translation>Die Begründung</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet …</translation>
    </message>
    <message>
        <source>Sent to your account manager.</source>
        <translation>An Ihren Kundenbetreuer gesendet.</translation>
    </message>
    <message>
        <source>The request could not be sent: {error}</source>
        <translation>Die Anfrage konnte nicht gesendet werden: {error}</translation>
    </message>
</context>
<context>
    <name>Remittance</name>
    <message>
        <source>IBAN</source>
        <translation>IBAN</translation>
    </message>
    <message>
        <source>BIC</source>
        <translation>BIC</translation>
    </message>
    <message>
        <source>Account number</source>
        <translation>Kontonummer</translation>
    </message>
    <message>
        <source>Routing number (ABA)</source>
        <translation>Bankleitzahl (ABA-Routing-Nummer)</translation>
    </message>
</context>
<context>
    <name>Renewal</name>
    <message>
        <source>The contract can be renewed from {opens_on}, {days} days before it ends.</source>
        <translation>Der Vertrag kann ab {opens_on} verlängert werden, {days} Tage vor seinem Ende.</translation>
    </message>
    <message>
        <source>The contract ended on {end}: ask your account manager for a new one.</source>
        <translation>Der Vertrag endete am {end}: Bitten Sie Ihren Kundenbetreuer um einen neuen.</translation>
    </message>
    <message>
        <source>Give the next term&apos;s seats as a whole number.</source>
        <translation>Geben Sie die Lizenzen der nächsten Laufzeit als ganze Zahl an.</translation>
    </message>
    <message>
        <source>A renewal keeps at least the {licensed} seats licensed now. For fewer seats, send a reduction request to your account manager.</source>
        <translation>Eine Verlängerung behält mindestens die {licensed} Lizenzen, die jetzt lizenziert sind. Für weniger Lizenzen senden Sie Ihrem Kundenbetreuer eine Anfrage.</translation>
    </message>
    <message numerus="yes">
        <source>Your contract ends on {date}; %n day(s) remain. Renew it in time, or ask your account manager.</source>
        <translation>
            <numerusform>Ihr Vertrag endet am {date}; noch %n Tag. Verlängern Sie ihn rechtzeitig, oder fragen Sie Ihren Kundenbetreuer.</numerusform>
            <numerusform>Ihr Vertrag endet am {date}; noch %n Tage. Verlängern Sie ihn rechtzeitig, oder fragen Sie Ihren Kundenbetreuer.</numerusform>
        </translation>
    </message>
    <message>
        <source>{organization}: contract renewal opens</source>
        <translation>{organization}: Vertragsverlängerung möglich</translation>
    </message>
    <message>
        <source>{organization}: contract ends (renewal deadline)</source>
        <translation>{organization}: Vertrag endet (Frist für die Verlängerung)</translation>
    </message>
    <message>
        <source>The contract cannot be renewed now.</source>
        <translation>Der Vertrag kann jetzt nicht verlängert werden.</translation>
    </message>
    <message>
        <source>The amount changed since it was shown: check it and renew again.</source>
        <translation>Der Betrag hat sich geändert, seit er angezeigt wurde: Prüfen Sie ihn und verlängern Sie erneut.</translation>
    </message>
    <message>
        <source>This contract is renewed already.</source>
        <translation>Dieser Vertrag ist bereits verlängert.</translation>
    </message>
    <message>
        <source>The amount differs from the renewal&apos;s price, so nothing was renewed.</source>
        <translation>Der Betrag weicht vom Preis der Verlängerung ab, daher wurde nichts verlängert.</translation>
    </message>
    <message>
        <source>This contract is renewed already (transaction {transaction_id}).</source>
        <translation>Dieser Vertrag ist bereits verlängert (Transaktion {transaction_id}).</translation>
    </message>
    <message>
        <source>The renewal must be acknowledged (acknowledged: true), with the text the purchaser agreed to (acknowledgement_text).</source>
        <translation>Die Verlängerung muss bestätigt sein (acknowledged: true), mit dem Text, dem der Käufer zugestimmt hat (acknowledgement_text).</translation>
    </message>
    <message>
        <source>The instructions can have at most 1000 characters, with line breaks but no control or invisible formatting characters.</source>
        <translation>Die Hinweise dürfen höchstens 1000 Zeichen haben, mit Zeilenumbrüchen, aber ohne Steuer- oder unsichtbare Formatierungszeichen.</translation>
    </message>
</context>
<context>
    <name>RenewalDialog</name>
    <message>
        <source>Renew Contract</source>
        <translation>Vertrag verlängern</translation>
    </message>
    <message>
        <source>Seats next term</source>
        <translation>Lizenzen in der nächsten Laufzeit</translation>
    </message>
    <message>
        <source>Purchase order number</source>
        <translation>Bestellnummer (PO)</translation>
    </message>
    <message>
        <source>Additional instructions</source>
        <translation>Weitere Hinweise</translation>
    </message>
    <message>
        <source>For example: invoice in January</source>
        <translation>Zum Beispiel: Rechnung im Januar</translation>
    </message>
    <message>
        <source>&amp;Renew</source>
        <translation>&amp;Verlängern</translation>
    </message>
    <message>
        <source>Request &amp;Quote…</source>
        <translation>&amp;Angebot anfordern …</translation>
    </message>
    <message>
        <source>&amp;Seats next term:</source>
        <translation>&amp;Lizenzen nächste Laufzeit:</translation>
    </message>
    <message>
        <source>Next term:</source>
        <translation>Nächste Laufzeit:</translation>
    </message>
    <message>
        <source>Seats:</source>
        <translation>Lizenzen:</translation>
    </message>
    <message>
        <source>Price per seat per month:</source>
        <translation>Preis pro Lizenz und Monat:</translation>
    </message>
    <message>
        <source>Amount:</source>
        <translation>Betrag:</translation>
    </message>
    <message>
        <source>Taxes, if any, are added on the invoice.</source>
        <translation>Etwaige Steuern kommen auf der Rechnung hinzu.</translation>
    </message>
    <message>
        <source>PO &amp;number:</source>
        <translation>&amp;Bestellnummer (PO):</translation>
    </message>
    <message>
        <source>&amp;Instructions:</source>
        <translation>&amp;Hinweise:</translation>
    </message>
    <message numerus="yes">
        <source>{period}: %Ln month(s)</source>
        <translation>
            <numerusform>{period}: %Ln Monat</numerusform>
            <numerusform>{period}: %Ln Monate</numerusform>
        </translation>
    </message>
    <message>
        <source>{now} now → {next} next term</source>
        <translation>{now} jetzt → {next} nächste Laufzeit</translation>
    </message>
    <message>
        <source>Recording the renewal…</source>
        <translation>Die Verlängerung wird erfasst …</translation>
    </message>
</context>
<context>
    <name>SeatAlertNotice</name>
    <message>
        <source>Few seats available</source>
        <translation>Wenige Lizenzen verfügbar</translation>
    </message>
    <message numerus="yes">
        <source>%Ln seat(s) available, fewer than the {threshold} your alert watches for. Free seats in Seats or add seats.</source>
        <translation>
            <numerusform>%Ln Lizenz verfügbar, weniger als die {threshold}, die Ihre Benachrichtigung überwacht. Geben Sie unter Lizenzen welche frei oder fügen Sie Lizenzen hinzu.</numerusform>
            <numerusform>%Ln Lizenzen verfügbar, weniger als die {threshold}, die Ihre Benachrichtigung überwacht. Geben Sie unter Lizenzen welche frei oder fügen Sie Lizenzen hinzu.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SeatHolders</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Last active (UTC)</source>
        <translation>Zuletzt aktiv (UTC)</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <source>Last active</source>
        <translation>Zuletzt aktiv</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
</context>
<context>
    <name>SeatHoldersDialog</name>
    <message>
        <source>Held by disabled users</source>
        <translation>Bei deaktivierten Benutzern</translation>
    </message>
    <message numerus="yes">
        <source>Held by users inactive for more than %Ln day(s)</source>
        <translation>
            <numerusform>Bei Benutzern, die seit über %Ln Tag inaktiv sind</numerusform>
            <numerusform>Bei Benutzern, die seit über %Ln Tagen inaktiv sind</numerusform>
        </translation>
    </message>
    <message>
        <source>All seat holders</source>
        <translation>Alle Lizenzinhaber</translation>
    </message>
    <message>
        <source>Users without a seat</source>
        <translation>Benutzer ohne Lizenz</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Anzeigen:</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen …</translation>
    </message>
    <message>
        <source>&amp;Free Seats…</source>
        <translation>Lizenzen &amp;freigeben …</translation>
    </message>
    <message>
        <source>&amp;Give Seats</source>
        <translation>Lizenzen &amp;zuweisen</translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>CSV e&amp;xportieren …</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>Re&amp;leases…</source>
        <translation>Frei&amp;gaben …</translation>
    </message>
    <message>
        <source>Reclaim &amp;Policy…</source>
        <translation>Freigaberege&amp;l …</translation>
    </message>
    <message>
        <source>Aler&amp;ts…</source>
        <translation>&amp;Benachrichtigungen …</translation>
    </message>
    <message>
        <source>Giving seats…</source>
        <translation>Lizenzen werden zugewiesen …</translation>
    </message>
    <message numerus="yes">
        <source>Gave a seat to %Ln user(s). Available seats: {before} → {after}.</source>
        <translation>
            <numerusform>%Ln Benutzer hat eine Lizenz erhalten. Verfügbare Lizenzen: {before} → {after}.</numerusform>
            <numerusform>%Ln Benutzer haben eine Lizenz erhalten. Verfügbare Lizenzen: {before} → {after}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Giving the seats back…</source>
        <translation>Lizenzen werden zurückgegeben …</translation>
    </message>
    <message>
        <source>Freeing seats…</source>
        <translation>Lizenzen werden freigegeben …</translation>
    </message>
    <message numerus="yes">
        <source>Freed %Ln seat(s). Available seats: {before} → {after}. You can undo this until {until}.</source>
        <translation>
            <numerusform>%Ln Lizenz freigegeben. Verfügbare Lizenzen: {before} → {after}. Rückgängig machen können Sie dies bis {until}.</numerusform>
            <numerusform>%Ln Lizenzen freigegeben. Verfügbare Lizenzen: {before} → {after}. Rückgängig machen können Sie dies bis {until}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Gave %Ln seat(s) back.</source>
        <translation>
            <numerusform>%Ln Lizenz zurückgegeben.</numerusform>
            <numerusform>%Ln Lizenzen zurückgegeben.</numerusform>
        </translation>
    </message>
    <message>
        <source>No seat was available for: {names}.</source>
        <translation>Keine Lizenz verfügbar für: {names}.</translation>
    </message>
    <message>
        <source>The seats could not be changed: {error}</source>
        <translation>Die Lizenzen konnten nicht geändert werden: {error}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln user(s)</source>
        <translation>
            <numerusform>%Ln Benutzer</numerusform>
            <numerusform>%Ln Benutzer</numerusform>
        </translation>
    </message>
    <message>
        <source>The users could not be read: {error}</source>
        <translation>Die Benutzer konnten nicht gelesen werden: {error}</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Wird exportiert …</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln user(s) to {path}.</source>
        <translation>
            <numerusform>%Ln Benutzer nach {path} exportiert.</numerusform>
            <numerusform>%Ln Benutzer nach {path} exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export failed: {error}</source>
        <translation>Export fehlgeschlagen: {error}</translation>
    </message>
    <message>
        <source>Export users</source>
        <translation>Benutzer exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
</context>
<context>
    <name>SeatReleasesDialog</name>
    <message>
        <source>Seat Releases</source>
        <translation>Lizenzfreigaben</translation>
    </message>
    <message>
        <source>Seat releases</source>
        <translation>Lizenzfreigaben</translation>
    </message>
    <message>
        <source>Freed</source>
        <translation>Freigegeben</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen …</translation>
    </message>
    <message>
        <source>&amp;Undo Release</source>
        <translation>Freigabe &amp;rückgängig machen</translation>
    </message>
    <message>
        <source>Giving the seats back…</source>
        <translation>Lizenzen werden zurückgegeben …</translation>
    </message>
    <message>
        <source>Undone {moment}</source>
        <translation>Rückgängig gemacht am {moment}</translation>
    </message>
    <message>
        <source>Until {moment}</source>
        <translation>Bis {moment}</translation>
    </message>
    <message>
        <source>No longer</source>
        <translation>Nicht mehr</translation>
    </message>
    <message numerus="yes">
        <source>%Ln release(s)</source>
        <translation>
            <numerusform>%Ln Freigabe</numerusform>
            <numerusform>%Ln Freigaben</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Gave %Ln seat(s) back.</source>
        <translation>
            <numerusform>%Ln Lizenz zurückgegeben.</numerusform>
            <numerusform>%Ln Lizenzen zurückgegeben.</numerusform>
        </translation>
    </message>
    <message>
        <source>No seat was available for: {names}.</source>
        <translation>Keine Lizenz verfügbar für: {names}.</translation>
    </message>
    <message>
        <source>The releases could not be read or changed: {error}</source>
        <translation>Die Freigaben konnten nicht gelesen oder geändert werden: {error}</translation>
    </message>
</context>
<context>
    <name>SeatSpinBox</name>
    <message>
        <source>Additional licenses</source>
        <translation>Zusätzliche Lizenzen</translation>
    </message>
</context>
<context>
    <name>SeatTimelineChart</name>
    <message>
        <source>Seat timeline</source>
        <translation>Lizenzverlauf</translation>
    </message>
    <message>
        <source>No contract to chart.</source>
        <translation>Kein Vertrag für das Diagramm.</translation>
    </message>
    <message numerus="yes">
        <source>{period}: {start} seats at the start, %Ln purchase(s), {end} seats at the end or today.</source>
        <translation>
            <numerusform>{period}: {start} Lizenzen zu Beginn, %Ln Kauf, {end} Lizenzen am Ende oder heute.</numerusform>
            <numerusform>{period}: {start} Lizenzen zu Beginn, %Ln Käufe, {end} Lizenzen am Ende oder heute.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln seat(s) bought and not live yet.</source>
        <translation>
            <numerusform>%Ln Lizenz gekauft und noch nicht aktiv.</numerusform>
            <numerusform>%Ln Lizenzen gekauft und noch nicht aktiv.</numerusform>
        </translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message numerus="yes">
        <source>%Ln purchase(s) on {day}: {added} seats, not live yet</source>
        <translation>
            <numerusform>%Ln Kauf am {day}: {added} Lizenzen, noch nicht aktiv</numerusform>
            <numerusform>%Ln Käufe am {day}: {added} Lizenzen, noch nicht aktiv</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln purchase(s) live on {day}: {added} seats, {seats} in all</source>
        <translation>
            <numerusform>%Ln Kauf aktiv am {day}: {added} Lizenzen, insgesamt {seats}</numerusform>
            <numerusform>%Ln Käufe aktiv am {day}: {added} Lizenzen, insgesamt {seats}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{transaction_id}: %Ln seat(s) bought on {day}, not live yet</source>
        <translation>
            <numerusform>{transaction_id}: %Ln Lizenz am {day} gekauft, noch nicht aktiv</numerusform>
            <numerusform>{transaction_id}: %Ln Lizenzen am {day} gekauft, noch nicht aktiv</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{transaction_id}: %Ln seat(s) live on {day}, {seats} in all</source>
        <translation>
            <numerusform>{transaction_id}: %Ln Lizenz seit {day} aktiv, insgesamt {seats}</numerusform>
            <numerusform>{transaction_id}: %Ln Lizenzen seit {day} aktiv, insgesamt {seats}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SeatUsageBar</name>
    <message>
        <source>Seat use</source>
        <translation>Lizenznutzung</translation>
    </message>
    <message>
        <source>{assigned} of {purchased} seats assigned, {pending} pending</source>
        <translation>{assigned} von {purchased} Lizenzen zugewiesen, {pending} ausstehend</translation>
    </message>
</context>
<context>
    <name>Seats</name>
    <message>
        <source>A chosen user holds no seat now, so no seat was freed. Reload and choose again.</source>
        <translation>Ein gewählter Benutzer hat jetzt keine Lizenz, daher wurde keine Lizenz freigegeben. Laden Sie neu und wählen Sie erneut.</translation>
    </message>
    <message>
        <source>A chosen user is no longer in this organization, so no seat was freed.</source>
        <translation>Ein gewählter Benutzer gehört nicht mehr zu dieser Organisation, daher wurde keine Lizenz freigegeben.</translation>
    </message>
    <message>
        <source>No seat is available: buy more first.</source>
        <translation>Keine Lizenz ist frei: Kaufen Sie zuerst weitere.</translation>
    </message>
    <message>
        <source>A release can be undone for 14 days only; this one is older.</source>
        <translation>Eine Freigabe lässt sich nur 14 Tage lang rückgängig machen; diese ist älter.</translation>
    </message>
    <message>
        <source>This release was undone already.</source>
        <translation>Diese Freigabe wurde bereits rückgängig gemacht.</translation>
    </message>
</context>
<context>
    <name>ServiceClient</name>
    <message>
        <source>the account service did not answer in {seconds} s</source>
        <translation>der Kontodienst hat nicht innerhalb von {seconds} s geantwortet</translation>
    </message>
    <message>
        <source>the account service cannot be reached ({reason})</source>
        <translation>der Kontodienst ist nicht erreichbar ({reason})</translation>
    </message>
    <message>
        <source>the account service answered {status} with something that is not JSON</source>
        <translation>der Kontodienst hat {status} mit etwas geantwortet, das kein JSON ist</translation>
    </message>
    <message>
        <source>the account service answered with unexpected JSON</source>
        <translation>der Kontodienst hat mit unerwartetem JSON geantwortet</translation>
    </message>
    <message>
        <source>a proxy or gateway answered {status} with a web page, not the account service</source>
        <translation>ein Proxy oder Gateway antwortete {status} mit einer Webseite, nicht der Kontodienst</translation>
    </message>
    <message>
        <source>the account service failed ({status})</source>
        <translation>der Kontodienst ist gescheitert ({status})</translation>
    </message>
    <message>
        <source>the certificate of {host} is not trusted ({problem}). If your company inspects encrypted traffic, its root certificate must be installed in the system; or start Manage Account with --ca-bundle FILE.</source>
        <translation>dem Zertifikat von {host} wird nicht vertraut ({problem}). Wenn Ihr Unternehmen verschlüsselten Datenverkehr prüft, muss sein Stammzertifikat im System installiert sein; oder starten Sie Manage Account mit --ca-bundle DATEI.</translation>
    </message>
    <message>
        <source>a proxy between this computer and the account service asks for a user name and password (407). Enter the proxy and them in File &gt; Settings.</source>
        <translation>ein Proxy zwischen diesem Computer und dem Kontodienst verlangt einen Benutzernamen und ein Passwort (407). Geben Sie den Proxy und beide unter Datei &gt; Einstellungen ein.</translation>
    </message>
    <message>
        <source>the proxy {proxy} asks for a user name and password (407). Enter them in File &gt; Settings, under Proxy.</source>
        <translation>der Proxy {proxy} verlangt einen Benutzernamen und ein Passwort (407). Geben Sie beide unter Datei &gt; Einstellungen bei „Proxy“ ein.</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>The e-mail or the password is wrong.</source>
        <translation>Die E-Mail-Adresse oder das Passwort ist falsch.</translation>
    </message>
    <message>
        <source>{problem}. Check your network, and the service&apos;s address in Settings.</source>
        <translation>{problem}. Prüfen Sie Ihr Netzwerk und die Adresse des Dienstes in den Einstellungen.</translation>
    </message>
    <message>
        <source>Keeping you signed in needs the keyring package.</source>
        <translation>Angemeldet bleiben erfordert das Paket keyring.</translation>
    </message>
    <message>
        <source>This computer has no secure credential store (such as Windows Credential Manager, macOS Keychain or Secret Service), so you are signed in for this session only.</source>
        <translation>Dieser Computer hat keinen sicheren Anmeldedatenspeicher (wie die Windows-Anmeldeinformationsverwaltung, den macOS-Schlüsselbund oder Secret Service), daher sind Sie nur für diese Sitzung angemeldet.</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>The account service needs a web address such as https://host/.</source>
        <translation>Der Kontodienst braucht eine Webadresse wie https://host/.</translation>
    </message>
    <message>
        <source>The proxy needs an address with a port, such as http://proxy:3128.</source>
        <translation>Der Proxy braucht eine Adresse mit Port, etwa http://proxy:3128.</translation>
    </message>
    <message>
        <source>Enter the proxy&apos;s user name in its own field.</source>
        <translation>Geben Sie den Benutzernamen des Proxys in seinem eigenen Feld ein.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Now: no account service; purchases wait on this computer.</source>
        <translation>Jetzt: kein Kontodienst; Käufe warten auf diesem Computer.</translation>
    </message>
    <message>
        <source>Now: {url}, given with --service when Manage Account started.</source>
        <translation>Jetzt: {url}, beim Start von Manage Account mit --service angegeben.</translation>
    </message>
    <message>
        <source>Now: {url}, from the environment variable {variable}.</source>
        <translation>Jetzt: {url}, aus der Umgebungsvariablen {variable}.</translation>
    </message>
    <message>
        <source>Now: {url}, from these settings.</source>
        <translation>Jetzt: {url}, aus diesen Einstellungen.</translation>
    </message>
    <message>
        <source>Now: the demo service inside the app, at {url}.</source>
        <translation>Jetzt: der Demo-Dienst in der App, unter {url}.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
    <message>
        <source>https://accounts.example.com (none: work offline)</source>
        <translation>https://accounts.example.com (leer: offline arbeiten)</translation>
    </message>
    <message>
        <source>None set here: the system&apos;s proxy settings</source>
        <translation>Hier keiner: die Proxy-Einstellungen des Systems</translation>
    </message>
    <message>
        <source>Unchanged (kept in the system&apos;s credential store)</source>
        <translation>Unverändert (sicher im System gespeichert)</translation>
    </message>
    <message>
        <source>Stable</source>
        <translation>Stabil</translation>
    </message>
    <message>
        <source>Beta (test new versions early)</source>
        <translation>Beta (neue Versionen früh testen)</translation>
    </message>
    <message>
        <source>Changes to the language, the service and the proxy apply when Manage Account starts again.</source>
        <translation>Änderungen an Sprache, Dienst und Proxy gelten nach dem nächsten Start von Manage Account.</translation>
    </message>
    <message>
        <source>Update &amp;repository:</source>
        <translation>Update-&amp;Repository:</translation>
    </message>
    <message>
        <source>Update c&amp;hannel:</source>
        <translation>Update-K&amp;anal:</translation>
    </message>
    <message>
        <source>The update repository needs a web address such as https://host/path.</source>
        <translation>Das Update-Repository braucht eine Webadresse wie https://host/pfad.</translation>
    </message>
    <message>
        <source>The proxy password could not be kept: {error}</source>
        <translation>Das Proxy-Passwort konnte nicht gespeichert werden: {error}</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>None set here: the one the account service announces</source>
        <translation>Hier keins: das vom Kontodienst bekanntgegebene</translation>
    </message>
    <message>
        <source>Account &amp;service:</source>
        <translation>&amp;Kontodienst:</translation>
    </message>
    <message>
        <source>&amp;Proxy:</source>
        <translation>&amp;Proxy:</translation>
    </message>
    <message>
        <source>Proxy &amp;user:</source>
        <translation>Proxy-&amp;Benutzer:</translation>
    </message>
    <message>
        <source>Proxy pass&amp;word:</source>
        <translation>Proxy-Pass&amp;wort:</translation>
    </message>
    <message>
        <source>E&amp;xport folder:</source>
        <translation>E&amp;xportordner:</translation>
    </message>
    <message>
        <source>The export folder does not exist.</source>
        <translation>Der Exportordner existiert nicht.</translation>
    </message>
    <message>
        <source>Export folder</source>
        <translation>Exportordner</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to Manage Account</source>
        <translation>Bei Manage Account anmelden</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail-Adresse</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>&amp;Keep me signed in</source>
        <translation>&amp;Angemeldet bleiben</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Close Manage Account without signing in (Esc)</source>
        <translation>Manage Account ohne Anmeldung schließen (Esc)</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>Ein&amp;stellungen …</translation>
    </message>
    <message>
        <source>The account service&apos;s address, the proxy, language</source>
        <translation>Adresse des Kontodienstes, Proxy, Sprache</translation>
    </message>
    <message>
        <source>Work &amp;Offline</source>
        <translation>&amp;Offline arbeiten</translation>
    </message>
    <message>
        <source>Opens this computer&apos;s copy of your account; sync starts when the service is back</source>
        <translation>Öffnet die Kopie Ihres Kontos auf diesem Computer; die Synchronisierung beginnt, sobald der Dienst wieder erreichbar ist</translation>
    </message>
    <message>
        <source>Stored in your operating system&apos;s credential store.</source>
        <translation>Wird im Anmeldedatenspeicher Ihres Betriebssystems gespeichert.</translation>
    </message>
    <message>
        <source>&amp;Sign In</source>
        <translation>A&amp;nmelden</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-Mail-Adresse:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Anmeldung läuft …</translation>
    </message>
    <message>
        <source>This computer keeps your account&apos;s data: Work Offline opens it, and sync starts by itself when the service answers.</source>
        <translation>Dieser Computer hat die Daten Ihres Kontos: „Offline arbeiten“ öffnet sie, und die Synchronisierung beginnt von selbst, sobald der Dienst antwortet.</translation>
    </message>
    <message>
        <source>Too many failed sign-ins for this e-mail. Try again after {time}.</source>
        <translation>Zu viele fehlgeschlagene Anmeldungen für diese E-Mail-Adresse. Versuchen Sie es nach {time} Uhr erneut.</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>Queued</source>
        <translation>In Warteschlange</translation>
    </message>
    <message>
        <source>Awaiting approval</source>
        <translation>Wartet auf Genehmigung</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Provisioned</source>
        <translation>Bereitgestellt</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Erfasst</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Angenommen</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Delayed</source>
        <translation>Verzögert</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message>
        <source>Your session has ended: sign in again to sync.</source>
        <translation>Ihre Sitzung ist beendet: Melden Sie sich erneut an, um zu synchronisieren.</translation>
    </message>
    <message>
        <source>The service refused: {error}</source>
        <translation>Der Dienst hat abgelehnt: {error}</translation>
    </message>
    <message>
        <source>Sync failed: {error}</source>
        <translation>Synchronisierung fehlgeschlagen: {error}</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <source>Connecting…</source>
        <translation>Verbindung wird hergestellt …</translation>
    </message>
    <message>
        <source>Not connected to an account service: purchases stay queued on this computer.</source>
        <translation>Nicht mit einem Kontodienst verbunden: Käufe bleiben auf diesem Computer in der Warteschlange.</translation>
    </message>
    <message>
        <source>Working offline: the account service cannot be reached. The contract, history, receipts and exports work from this computer&apos;s data; purchases are queued and sent when the service answers, which is checked every few seconds.</source>
        <translation>Offline: Der Kontodienst ist nicht erreichbar. Vertrag, Verlauf, Belege und Exporte arbeiten mit den Daten dieses Computers; Käufe werden vorgemerkt und gesendet, sobald der Dienst antwortet – das wird alle paar Sekunden geprüft.</translation>
    </message>
    <message>
        <source>Online: in step with the account service.</source>
        <translation>Online: auf dem Stand des Kontodienstes.</translation>
    </message>
    <message>
        <source>Offline ({problem}). The contract, history and receipts still work; purchases are kept and sent when the service is back.</source>
        <translation>Offline ({problem}). Vertrag, Verlauf und Belege funktionieren weiter; Käufe werden aufbewahrt und gesendet, sobald der Dienst wieder erreichbar ist.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln new seat(s) live ({ids}).</source>
        <translation>
            <numerusform>%Ln neue Lizenz aktiv ({ids}).</numerusform>
            <numerusform>%Ln neue Lizenzen aktiv ({ids}).</numerusform>
        </translation>
    </message>
    <message>
        <source>Seats are live</source>
        <translation>Lizenzen sind aktiv</translation>
    </message>
    <message>
        <source>Please contact your account manager, {name} ({email}, {phone}), and give the transaction ID.</source>
        <translation>Bitte wenden Sie sich an Ihren Kundenbetreuer, {name} ({email}, {phone}), und nennen Sie die Transaktions-ID.</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Seats not live yet:&lt;/b&gt; {ids} were accepted more than 5 minutes ago.</source>
        <translation>
            <numerusform>&lt;b&gt;Lizenzen noch nicht aktiv:&lt;/b&gt; {ids} wurde vor mehr als 5 Minuten angenommen.</numerusform>
            <numerusform>&lt;b&gt;Lizenzen noch nicht aktiv:&lt;/b&gt; {ids} wurden vor mehr als 5 Minuten angenommen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UpdateBar</name>
    <message>
        <source>Looking for a newer version…</source>
        <translation>Suche nach einer neueren Version …</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Herunterladen</translation>
    </message>
    <message>
        <source>What&apos;s new</source>
        <translation>Neuerungen</translation>
    </message>
    <message>
        <source>Downloading version {version}…</source>
        <translation>Version {version} wird heruntergeladen …</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Version {version} is verified and ready: it is installed when Manage Account starts again.</source>
        <translation>Version {version} ist geprüft und bereit: Sie wird beim nächsten Start von Manage Account installiert.</translation>
    </message>
    <message>
        <source>Restart now</source>
        <translation>Jetzt neu starten</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
</context>
<context>
    <name>Updates</name>
    <message>
        <source>Updates are turned off by your organization&apos;s policy.</source>
        <translation>Updates sind durch eine Richtlinie Ihrer Organisation ausgeschaltet.</translation>
    </message>
    <message>
        <source>Manage Account runs from Python here: pip updates it.</source>
        <translation>Manage Account läuft hier aus Python: pip aktualisiert es.</translation>
    </message>
    <message>
        <source>The system&apos;s package manager updates this installation.</source>
        <translation>Die Paketverwaltung des Systems aktualisiert diese Installation.</translation>
    </message>
    <message>
        <source>Windows Installer updates this installation: install the newer MSI, or ask your IT department.</source>
        <translation>Diese Installation wird mit Windows Installer aktualisiert: Installieren Sie das neuere MSI oder wenden Sie sich an Ihre IT-Abteilung.</translation>
    </message>
    <message>
        <source>This build carries no key for an update repository.</source>
        <translation>Dieser Build enthält keinen Schlüssel für ein Update-Repository.</translation>
    </message>
    <message>
        <source>No update repository is set: enter one in Settings, or ask your account service&apos;s administrator to announce one.</source>
        <translation>Kein Update-Repository festgelegt: Tragen Sie eines in den Einstellungen ein, oder bitten Sie die Administration Ihres Kontodienstes, eines bekanntzugeben.</translation>
    </message>
    <message>
        <source>Manage Account {version} is the newest version.</source>
        <translation>Manage Account {version} ist die neueste Version.</translation>
    </message>
    <message>
        <source>Version {version} is available.</source>
        <translation>Version {version} ist verfügbar.</translation>
    </message>
    <message>
        <source>Version {version} was downloaded but not installed.</source>
        <translation>Version {version} wurde heruntergeladen, aber nicht installiert.</translation>
    </message>
    <message>
        <source>There is no update to download.</source>
        <translation>Es gibt kein Update zum Herunterladen.</translation>
    </message>
    <message>
        <source>The update could not be unpacked.</source>
        <translation>Das Update konnte nicht entpackt werden.</translation>
    </message>
    <message>
        <source>The update was refused because its signed description did not hold ({problem}). Nothing was installed; this version keeps running.</source>
        <translation>Das Update wurde abgelehnt, weil seine signierte Beschreibung nicht stimmte ({problem}). Nichts wurde installiert; diese Version läuft weiter.</translation>
    </message>
    <message>
        <source>The update repository {url} could not be reached: {problem}</source>
        <translation>Das Update-Repository {url} war nicht erreichbar: {problem}</translation>
    </message>
</context>
</TS>
