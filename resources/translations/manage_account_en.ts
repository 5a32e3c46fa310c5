<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AddSeatsTab</name>
    <message numerus="yes">
        <source>&amp;Purchase %Ln seat(s) for {amount}</source>
        <translation>
            <numerusform>&amp;Purchase %Ln seat for {amount}</numerusform>
            <numerusform>&amp;Purchase %Ln seats for {amount}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>App</name>
    <message numerus="yes">
        <source>Documents of %n order(s) of {organization} written to {file}</source>
        <translation>
            <numerusform>Documents of %n order of {organization} written to {file}</numerusform>
            <numerusform>Documents of %n orders of {organization} written to {file}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n receipt(s) of {organization} written to {folder}</source>
        <translation>
            <numerusform>%n receipt of {organization} written to {folder}</numerusform>
            <numerusform>%n receipts of {organization} written to {folder}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ApprovalsDialog</name>
    <message numerus="yes">
        <source>Approved {id}: the renewal for %Ln seat(s) was placed.</source>
        <translation>
            <numerusform>Approved {id}: the renewal for %Ln seat was placed.</numerusform>
            <numerusform>Approved {id}: the renewal for %Ln seats was placed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Approved {id}: the order for %Ln seat(s) was placed.</source>
        <translation>
            <numerusform>Approved {id}: the order for %Ln seat was placed.</numerusform>
            <numerusform>Approved {id}: the order for %Ln seats was placed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ApprovalsNotice</name>
    <message numerus="yes">
        <source>%Ln purchase(s) above a spending limit wait for your approval.</source>
        <translation>
            <numerusform>%Ln purchase above a spending limit waits for your approval.</numerusform>
            <numerusform>%Ln purchases above a spending limit wait for your approval.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AuditLogDialog</name>
    <message numerus="yes">
        <source>Exported %Ln entries to {path}.</source>
        <translation>
            <numerusform>Exported %Ln entry to {path}.</numerusform>
            <numerusform>Exported %Ln entries to {path}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ContractTab</name>
    <message numerus="yes">
        <source>%Ln invoice(s) overdue, {total} in all: {number} was due on {date}. Open it in Transaction History.</source>
        <translation>
            <numerusform>%Ln invoice is overdue ({total}): {number} was due on {date}. Open it in Transaction History.</numerusform>
            <numerusform>%Ln invoices are overdue, {total} in all: {number} was due first, on {date}. Open them in Transaction History.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln invoice(s) open, not due yet: {total}.</source>
        <translation>
            <numerusform>%Ln invoice open, not due yet: {total}.</numerusform>
            <numerusform>%Ln invoices open, not due yet: {total}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln day(s) of the period gone by</source>
        <translation>
            <numerusform>%Ln day of the period gone by</numerusform>
            <numerusform>%Ln days of the period gone by</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Ends {date}: %Ln day(s) left</source>
        <translation>
            <numerusform>Ends {date}: %Ln day left</numerusform>
            <numerusform>Ends {date}: %Ln days left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Renew again with at least %Ln seat(s), or ask your account manager.</source>
        <translation>
            <numerusform>Renew again with at least %Ln seat, or ask your account manager.</numerusform>
            <numerusform>Renew again with at least %Ln seats, or ask your account manager.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln held by disabled users</source>
        <translation>
            <numerusform>%Ln held by disabled users</numerusform>
            <numerusform>%Ln held by disabled users</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln held by users inactive for over {days} days</source>
        <translation>
            <numerusform>%Ln held by users inactive for over {days} days</numerusform>
            <numerusform>%Ln held by users inactive for over {days} days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Below your alert: fewer than %Ln seat(s) available.</source>
        <translation>
            <numerusform>Below your alert: fewer than %Ln seat available.</numerusform>
            <numerusform>Below your alert: fewer than %Ln seats available.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FreeSeatsDialog</name>
    <message numerus="yes">
        <source>Free the seats of these %Ln user(s)?</source>
        <translation>
            <numerusform>Free the seat of %Ln user?</numerusform>
            <numerusform>Free the seats of these %Ln users?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %Ln more</source>
        <translation>
            <numerusform>and %Ln more</numerusform>
            <numerusform>and %Ln more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Free %Ln Seat(s)</source>
        <translation>
            <numerusform>&amp;Free %Ln Seat</numerusform>
            <numerusform>&amp;Free %Ln Seats</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message numerus="yes">
        <source>Exported %Ln purchase(s) to {path}.</source>
        <translation>
            <numerusform>Exported %Ln purchase to {path}.</numerusform>
            <numerusform>Exported %Ln purchases to {path}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln receipt(s) to {folder}.</source>
        <translation>
            <numerusform>Exported %Ln receipt to {folder}.</numerusform>
            <numerusform>Exported %Ln receipts to {folder}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>{transaction_id}: %Ln seat(s) for {old}, now {new}</source>
        <translation>
            <numerusform>{transaction_id}: %Ln seat for {old}, now {new}</numerusform>
            <numerusform>{transaction_id}: %Ln seats for {old}, now {new}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The account service did not accept %n purchase(s): the total shown then is no longer valid, so nothing was bought or invoiced.</source>
        <translation>
            <numerusform>The account service did not accept %n purchase: the total shown then is no longer valid, so nothing was bought or invoiced.</numerusform>
            <numerusform>The account service did not accept %n purchases: the total shown then is no longer valid, so nothing was bought or invoiced.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported the documents of %Ln order(s) to {path}.</source>
        <translation>
            <numerusform>Exported the documents of %Ln order to {path}.</numerusform>
            <numerusform>Exported the documents of %Ln orders to {path}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Seats held by users inactive for more than %Ln day(s)</source>
        <translation>
            <numerusform>Seats held by users inactive for more than %Ln day</numerusform>
            <numerusform>Seats held by users inactive for more than %Ln days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Your contract ends on {date}; %Ln day(s) remain.</source>
        <translation>
            <numerusform>Your contract ends on {date}; %Ln day remains.</numerusform>
            <numerusform>Your contract ends on {date}; %Ln days remain.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln+ purchase(s)</source>
        <translation>
            <numerusform>%Ln+ purchase</numerusform>
            <numerusform>%Ln+ purchases</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln purchase(s)</source>
        <translation>
            <numerusform>%Ln purchase</numerusform>
            <numerusform>%Ln purchases</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Your purchase of %Ln seat(s) is recorded.</source>
        <translation>
            <numerusform>Your purchase of %Ln seat is recorded.</numerusform>
            <numerusform>Your purchase of %Ln seats is recorded.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NotificationArea</name>
    <message numerus="yes">
        <source>%Ln more notice(s)</source>
        <translation>
            <numerusform>%Ln more notice</numerusform>
            <numerusform>%Ln more notices</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OrderSummaryView</name>
    <message numerus="yes">
        <source>%Ln seat(s) are held by disabled users: freeing them may be enough.</source>
        <translation>
            <numerusform>%Ln seat is held by a disabled user: freeing it may be enough.</numerusform>
            <numerusform>%Ln seats are held by disabled users: freeing them may be enough.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Free the %Ln seat(s) held by disabled users instead</source>
        <translation>
            <numerusform>Free the %Ln seat held by a disabled user instead</numerusform>
            <numerusform>Free the %Ln seats held by disabled users instead</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PermissionSetsDialog</name>
    <message numerus="yes">
        <source>%Ln administrator(s)</source>
        <translation>
            <numerusform>%Ln administrator</numerusform>
            <numerusform>%Ln administrators</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Quote</name>
    <message numerus="yes">
        <source>%Ln seat(s)</source>
        <translation>
            <numerusform>%Ln seat</numerusform>
            <numerusform>%Ln seats</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln day(s)</source>
        <translation>
            <numerusform>%Ln day</numerusform>
            <numerusform>%Ln days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln month(s)</source>
        <translation>
            <numerusform>%Ln month</numerusform>
            <numerusform>%Ln months</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QuotesDialog</name>
    <message numerus="yes">
        <source>Please find attached quote {number}: %Ln seat(s) for {amount}, valid until {date}.</source>
        <translation>
            <numerusform>Please find attached quote {number}: %Ln seat for {amount}, valid until {date}.</numerusform>
            <numerusform>Please find attached quote {number}: %Ln seats for {amount}, valid until {date}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Order %Ln seat(s) for {amount} as quoted in {number}?</source>
        <translation>
            <numerusform>Order %Ln seat for {amount} as quoted in {number}?</numerusform>
            <numerusform>Order %Ln seats for {amount} as quoted in {number}?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Receipt</name>
    <message numerus="yes">
        <source>%Ln day(s) after the invoice date</source>
        <translation>
            <numerusform>%Ln day after the invoice date</numerusform>
            <numerusform>%Ln days after the invoice date</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message numerus="yes">
        <source>Sent %n page(s) to the printer.</source>
        <translation>
            <numerusform>Sent %n page to the printer.</numerusform>
            <numerusform>Sent %n pages to the printer.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReclaimPolicyDialog</name>
    <message numerus="yes">
        <source>&amp;Warn users by e-mail %Ln day(s) before their seat is freed</source>
        <translation>
            <numerusform>&amp;Warn users by e-mail %Ln day before their seat is freed</numerusform>
            <numerusform>&amp;Warn users by e-mail %Ln days before their seat is freed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Applied now, the policy would free %Ln seat(s).</source>
        <translation>
            <numerusform>Applied now, the policy would free %Ln seat.</numerusform>
            <numerusform>Applied now, the policy would free %Ln seats.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Renewal</name>
    <message numerus="yes">
        <source>Your contract ends on {date}; %n day(s) remain. Renew it in time, or ask your account manager.</source>
        <translation>
            <numerusform>Your contract ends on {date}; %n day remains. Renew it in time, or ask your account manager.</numerusform>
            <numerusform>Your contract ends on {date}; %n days remain. Renew it in time, or ask your account manager.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RenewalDialog</name>
    <message numerus="yes">
        <source>{period}: %Ln month(s)</source>
        <translation>
            <numerusform>{period}: %Ln month</numerusform>
            <numerusform>{period}: %Ln months</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SeatAlertNotice</name>
    <message numerus="yes">
        <source>%Ln seat(s) available, fewer than the {threshold} your alert watches for. Free seats in Seats or add seats.</source>
        <translation>
            <numerusform>%Ln seat available, fewer than the {threshold} your alert watches for. Free seats in Seats or add seats.</numerusform>
            <numerusform>%Ln seats available, fewer than the {threshold} your alert watches for. Free seats in Seats or add seats.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SeatHoldersDialog</name>
    <message numerus="yes">
        <source>Held by users inactive for more than %Ln day(s)</source>
        <translation>
            <numerusform>Held by users inactive for more than %Ln day</numerusform>
            <numerusform>Held by users inactive for more than %Ln days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Gave a seat to %Ln user(s). Available seats: {before} → {after}.</source>
        <translation>
            <numerusform>Gave a seat to %Ln user. Available seats: {before} → {after}.</numerusform>
            <numerusform>Gave a seat to %Ln users. Available seats: {before} → {after}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Freed %Ln seat(s). Available seats: {before} → {after}. You can undo this until {until}.</source>
        <translation>
            <numerusform>Freed %Ln seat. Available seats: {before} → {after}. You can undo this until {until}.</numerusform>
            <numerusform>Freed %Ln seats. Available seats: {before} → {after}. You can undo this until {until}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Gave %Ln seat(s) back.</source>
        <translation>
            <numerusform>Gave %Ln seat back.</numerusform>
            <numerusform>Gave %Ln seats back.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln user(s)</source>
        <translation>
            <numerusform>%Ln user</numerusform>
            <numerusform>%Ln users</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln user(s) to {path}.</source>
        <translation>
            <numerusform>Exported %Ln user to {path}.</numerusform>
            <numerusform>Exported %Ln users to {path}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SeatReleasesDialog</name>
    <message numerus="yes">
        <source>%Ln release(s)</source>
        <translation>
            <numerusform>%Ln release</numerusform>
            <numerusform>%Ln releases</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Gave %Ln seat(s) back.</source>
        <translation>
            <numerusform>Gave %Ln seat back.</numerusform>
            <numerusform>Gave %Ln seats back.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SeatTimelineChart</name>
    <message numerus="yes">
        <source>{period}: {start} seats at the start, %Ln purchase(s), {end} seats at the end or today.</source>
        <translation>
            <numerusform>{period}: {start} seats at the start, %Ln purchase, {end} seats at the end or today.</numerusform>
            <numerusform>{period}: {start} seats at the start, %Ln purchases, {end} seats at the end or today.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln seat(s) bought and not live yet.</source>
        <translation>
            <numerusform>%Ln seat bought and not live yet.</numerusform>
            <numerusform>%Ln seats bought and not live yet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln purchase(s) on {day}: {added} seats, not live yet</source>
        <translation>
            <numerusform>%Ln purchase on {day}: {added} seats, not live yet</numerusform>
            <numerusform>%Ln purchases on {day}: {added} seats, not live yet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln purchase(s) live on {day}: {added} seats, {seats} in all</source>
        <translation>
            <numerusform>%Ln purchase live on {day}: {added} seats, {seats} in all</numerusform>
            <numerusform>%Ln purchases live on {day}: {added} seats, {seats} in all</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{transaction_id}: %Ln seat(s) bought on {day}, not live yet</source>
        <translation>
            <numerusform>{transaction_id}: %Ln seat bought on {day}, not live yet</numerusform>
            <numerusform>{transaction_id}: %Ln seats bought on {day}, not live yet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{transaction_id}: %Ln seat(s) live on {day}, {seats} in all</source>
        <translation>
            <numerusform>{transaction_id}: %Ln seat live on {day}, {seats} in all</numerusform>
            <numerusform>{transaction_id}: %Ln seats live on {day}, {seats} in all</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message numerus="yes">
        <source>%Ln new seat(s) live ({ids}).</source>
        <translation>
            <numerusform>%Ln new seat is live ({ids}).</numerusform>
            <numerusform>%Ln new seats are live ({ids}).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Seats not live yet:&lt;/b&gt; {ids} were accepted more than 5 minutes ago.</source>
        <translation>
            <numerusform>&lt;b&gt;Seats not live yet:&lt;/b&gt; {ids} was accepted more than 5 minutes ago.</numerusform>
            <numerusform>&lt;b&gt;Seats not live yet:&lt;/b&gt; {ids} were accepted more than 5 minutes ago.</numerusform>
        </translation>
    </message>
</context>
</TS>
