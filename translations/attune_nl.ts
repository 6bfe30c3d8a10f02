<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl">
<context>
    <name>AfterView</name>
    <message>
        <source>After the practice: %1</source>
        <translation>Na de oefening: %1</translation>
    </message>
    <message>
        <source>Welcome back.</source>
        <translation>Welkom terug.</translation>
    </message>
    <message>
        <source>You stopped early, and that&apos;s fine.</source>
        <translation>Je bent eerder gestopt, en dat is goed.</translation>
    </message>
    <message>
        <source>If you like, take a moment to notice how you are now.</source>
        <translation>Als je wilt, sta dan even stil bij hoe het nu met je is.</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Overslaan</translation>
    </message>
    <message>
        <source>Go on without saving any answers</source>
        <translation>Verdergaan zonder antwoorden op te slaan</translation>
    </message>
    <message>
        <source>Save and finish</source>
        <translation>Opslaan en afronden</translation>
    </message>
    <message>
        <source>Keep your answers; questions left open are not saved</source>
        <translation>Je antwoorden bewaren; vragen die je openlaat, worden niet opgeslagen</translation>
    </message>
    <message>
        <source>Thank you for taking this time for yourself.</source>
        <translation>Fijn dat je deze tijd voor jezelf hebt genomen.</translation>
    </message>
    <message>
        <source>There&apos;s no hurry to move on.</source>
        <translation>Je hoeft je niet te haasten om verder te gaan.</translation>
    </message>
    <message>
        <source>Practise again</source>
        <translation>Nog eens oefenen</translation>
    </message>
    <message>
        <source>Start this practice once more</source>
        <translation>Deze oefening nog een keer doen</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Klaar</translation>
    </message>
    <message>
        <source>Return to your practices</source>
        <translation>Terug naar je oefeningen</translation>
    </message>
</context>
<context>
    <name>Authoring</name>
    <message>
        <source>Open a pack</source>
        <extracomment>News for the window&apos;s notice. The editor asks to play its practice as a preview.</extracomment>
        <translation>Een pakket openen</translation>
    </message>
    <message>
        <source>Attune packs (*.attunepack)</source>
        <translation>Attune-pakketten (*.attunepack)</translation>
    </message>
    <message>
        <source>Installed “%1”.</source>
        <translation>“%1” is geïnstalleerd.</translation>
    </message>
</context>
<context>
    <name>BeforeView</name>
    <message>
        <source>Before you begin: %1</source>
        <translation>Voordat je begint: %1</translation>
    </message>
    <message>
        <source>Before you start</source>
        <translation>Voordat je begint</translation>
    </message>
    <message>
        <source>If you need support</source>
        <translation>Als je steun nodig hebt</translation>
    </message>
    <message>
        <source>For this time</source>
        <translation>Voor deze keer</translation>
    </message>
    <message>
        <source>How long the practice takes this time; the arrow keys choose another</source>
        <translation>Hoe lang de oefening deze keer duurt; met de pijltjestoetsen kies je een andere duur</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Duur</translation>
    </message>
    <message>
        <source>Speak the guidance aloud</source>
        <translation>De begeleiding voorlezen</translation>
    </message>
    <message>
        <source>When off, the guidance is shown as text only</source>
        <translation>Als dit uit staat, zie je de begeleiding alleen als tekst</translation>
    </message>
    <message>
        <source>Voice guidance</source>
        <translation>Begeleiding</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>Voice</source>
        <translation>Stem</translation>
    </message>
    <message>
        <source>The voice that speaks the guidance; Automatic picks one for the language</source>
        <translation>De stem die de begeleiding uitspreekt; Automatisch kiest er een die bij de taal past</translation>
    </message>
    <message>
        <source>Voices</source>
        <translation>Stemmen</translation>
    </message>
    <message>
        <source>The voices that can speak the guidance</source>
        <translation>De stemmen die de begeleiding kunnen uitspreken</translation>
    </message>
    <message>
        <source>Scroll</source>
        <translation>Schuifbalk</translation>
    </message>
    <message>
        <source>Scrolls the list of voices</source>
        <translation>Schuift door de lijst met stemmen</translation>
    </message>
    <message>
        <source>Speaking pace</source>
        <translation>Spreektempo</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Geen</translation>
    </message>
    <message>
        <source>Pink noise</source>
        <translation>Roze ruis</translation>
    </message>
    <message>
        <source>Brown noise</source>
        <translation>Bruine ruis</translation>
    </message>
    <message>
        <source>Rain</source>
        <translation>Regen</translation>
    </message>
    <message>
        <source>The practice&apos;s own</source>
        <translation>Van de oefening zelf</translation>
    </message>
    <message>
        <source>Background sound: a soft sound underneath the practice, or none; the arrow keys choose another</source>
        <translation>Achtergrondgeluid: een zacht geluid onder de oefening, of geen; met de pijltjestoetsen kies je een ander</translation>
    </message>
    <message>
        <source>Background</source>
        <translation>Achtergrond</translation>
    </message>
    <message>
        <source>Background volume</source>
        <translation>Volume van de achtergrond</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Volume</translation>
    </message>
    <message>
        <source>Checking in</source>
        <translation>Even stilstaan</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Terug</translation>
    </message>
    <message>
        <source>Back to where you chose it (Escape)</source>
        <translation>Terug naar waar je de oefening koos (Escape)</translation>
    </message>
    <message>
        <source>Preparing the voice</source>
        <translation>De stem wordt voorbereid</translation>
    </message>
    <message>
        <source>How much of the spoken guidance is ready</source>
        <translation>Hoeveel van de gesproken begeleiding klaar is</translation>
    </message>
    <message>
        <source>Begin</source>
        <translation>Beginnen</translation>
    </message>
    <message>
        <source>Start the practice (Enter)</source>
        <translation>De oefening beginnen (Enter)</translation>
    </message>
    <message>
        <source>If you need support: %1 — %2</source>
        <translation>Als je steun nodig hebt: %1 — %2</translation>
    </message>
    <message>
        <source>If you need support: %1</source>
        <translation>Als je steun nodig hebt: %1</translation>
    </message>
    <message>
        <source>Preparing the voice… %1 of %2</source>
        <translation>De stem wordt voorbereid… %1 van %2</translation>
    </message>
    <message>
        <source>Ready when you are.</source>
        <translation>Begin wanneer je er klaar voor bent.</translation>
    </message>
    <message>
        <source>How fast the voice speaks: %1 of its normal pace, from 0.5 to 2</source>
        <translation>Hoe snel de stem spreekt: %1 het gewone tempo, van 0,5 tot 2</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message numerus="yes">
        <source>%n minutes</source>
        <translation>
            <numerusform>%n minuut</numerusform>
            <numerusform>%n minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n seconds</source>
        <translation>
            <numerusform>%n seconde</numerusform>
            <numerusform>%n seconden</numerusform>
        </translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>How loud the background sound is: %1 percent</source>
        <translation>Hoe hard het achtergrondgeluid is: %1 procent</translation>
    </message>
    <message>
        <source>About %1</source>
        <translation>Ongeveer %1</translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <source>Change passphrase</source>
        <translation>Wachtwoordzin wijzigen</translation>
    </message>
    <message>
        <source>Current passphrase</source>
        <translation>Huidige wachtwoordzin</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Probleem</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Keep the passphrase you have</source>
        <translation>De wachtwoordzin houden die je hebt</translation>
    </message>
    <message>
        <source>&amp;Change passphrase</source>
        <translation>Wachtwoordzin &amp;wijzigen</translation>
    </message>
    <message>
        <source>Use the new passphrase from now on</source>
        <translation>Vanaf nu de nieuwe wachtwoordzin gebruiken</translation>
    </message>
    <message>
        <source>Prove it is you with your current passphrase or your recovery key.</source>
        <translation>Laat zien dat jij het bent, met je huidige wachtwoordzin of je herstelsleutel.</translation>
    </message>
    <message>
        <source>Your passphrase is changed. Use the new one from now on.</source>
        <translation>Je wachtwoordzin is gewijzigd. Gebruik vanaf nu de nieuwe.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>Close this window</source>
        <translation>Dit venster sluiten</translation>
    </message>
    <message>
        <source>Type your current passphrase or your recovery key first.</source>
        <translation>Typ eerst je huidige wachtwoordzin of je herstelsleutel.</translation>
    </message>
    <message>
        <source>Changing your passphrase…</source>
        <translation>Je wachtwoordzin wordt gewijzigd…</translation>
    </message>
</context>
<context>
    <name>ChartCard</name>
    <message>
        <source>Nothing to show yet</source>
        <translation>Nog niets om te laten zien</translation>
    </message>
    <message>
        <source>%1, as a table</source>
        <translation>%1, als tabel</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Kolommen</translation>
    </message>
    <message>
        <source>Whole table</source>
        <translation>Hele tabel</translation>
    </message>
    <message>
        <source>The corner of the table</source>
        <translation>De hoek van de tabel</translation>
    </message>
    <message>
        <source>Show as a table</source>
        <translation>Als tabel tonen</translation>
    </message>
    <message>
        <source>Show %1 as a table</source>
        <translation>%1 als tabel tonen</translation>
    </message>
    <message>
        <source>Switch between the chart and a table of the same numbers</source>
        <translation>Wisselen tussen de grafiek en een tabel met dezelfde getallen</translation>
    </message>
    <message>
        <source>Show as a chart</source>
        <translation>Als grafiek tonen</translation>
    </message>
    <message>
        <source>Show %1 as a chart</source>
        <translation>%1 als grafiek tonen</translation>
    </message>
</context>
<context>
    <name>ChoiceQuestionWidget</name>
    <message>
        <source>One of the answers to: %1</source>
        <translation>Een van de antwoorden op: %1</translation>
    </message>
    <message>
        <source>Any of the answers to: %1 (choose as many as fit)</source>
        <translation>Antwoorden op: %1 (kies er zoveel als er passen)</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Wissen</translation>
    </message>
    <message>
        <source>Clear the answer to: %1</source>
        <translation>Het antwoord wissen op: %1</translation>
    </message>
    <message>
        <source>Leaves this question unanswered</source>
        <translation>Laat deze vraag onbeantwoord</translation>
    </message>
</context>
<context>
    <name>Days</name>
    <message>
        <source>Mon</source>
        <translation>ma</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>di</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>wo</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>do</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>vr</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>za</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>zo</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>maandag</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>dinsdag</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>woensdag</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>donderdag</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>vrijdag</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>zaterdag</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>zondag</translation>
    </message>
</context>
<context>
    <name>EntryDescriber</name>
    <message numerus="yes">
        <source>%n pauses</source>
        <translation>
            <numerusform>%n pauze</numerusform>
            <numerusform>%n pauzes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minutes</source>
        <translation>
            <numerusform>%n minuut</numerusform>
            <numerusform>%n minuten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EntryPane</name>
    <message>
        <source>Journal entry</source>
        <translation>Dagboeknotitie</translation>
    </message>
    <message>
        <source>The chosen entry and every answer; use the arrow keys to scroll</source>
        <translation>De gekozen notitie met alle antwoorden; scroll met de pijltjestoetsen</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Opslaan</translation>
    </message>
    <message>
        <source>Keep what you changed in this entry (Ctrl+S)</source>
        <translation>Bewaren wat je in deze notitie hebt veranderd (Ctrl+S)</translation>
    </message>
    <message>
        <source>Delete entry</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>Remove this entry from your journal; you can undo it for a few seconds</source>
        <translation>Deze notitie uit je dagboek halen; een paar seconden lang kun je dat ongedaan maken</translation>
    </message>
    <message>
        <source>Found: %1</source>
        <translation>Gevonden: %1</translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation>Nog niet opgeslagen</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Opgeslagen</translation>
    </message>
    <message>
        <source>Before you began</source>
        <translation>Voordat je begon</translation>
    </message>
    <message>
        <source>During the practice</source>
        <translation>Tijdens de oefening</translation>
    </message>
    <message>
        <source>Afterwards</source>
        <translation>Na afloop</translation>
    </message>
    <message>
        <source>No questions were answered in this practice.</source>
        <translation>Bij deze oefening zijn geen vragen beantwoord.</translation>
    </message>
    <message>
        <source>%1 (your answer)</source>
        <translation>%1 (jouw antwoord)</translation>
    </message>
    <message>
        <source>Change what you wrote, then save with Ctrl+S</source>
        <translation>Pas aan wat je schreef en sla op met Ctrl+S</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Something went wrong</source>
        <translation>Er ging iets mis</translation>
    </message>
    <message>
        <source>A problem inside Attune, and where its details are</source>
        <translation>Een probleem in Attune, en waar de details staan</translation>
    </message>
    <message>
        <source>Something went wrong inside Attune</source>
        <translation>Er ging iets mis in Attune</translation>
    </message>
    <message>
        <source>Heading</source>
        <translation>Kop</translation>
    </message>
    <message>
        <source>Nothing you wrote is lost; the details are kept in %1.</source>
        <translation>Niets van wat je schreef is verloren; de details staan in %1.</translation>
    </message>
    <message>
        <source>Nothing you wrote is lost; Copy details gives you what happened.</source>
        <translation>Niets van wat je schreef is verloren; met Details kopiëren krijg je wat er gebeurde.</translation>
    </message>
    <message>
        <source>What this means for you</source>
        <translation>Wat dit voor jou betekent</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Whether the details were copied</source>
        <translation>Of de details gekopieerd zijn</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Details kopiëren</translation>
    </message>
    <message>
        <source>Put what happened on the clipboard, to send to whoever helps you</source>
        <translation>Zet wat er gebeurde op het klembord, om te sturen naar wie je helpt</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>Close this message</source>
        <translation>Dit bericht sluiten</translation>
    </message>
    <message>
        <source>The details are on the clipboard.</source>
        <translation>De details staan op het klembord.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export from your journal</source>
        <translation>Exporteren uit je dagboek</translation>
    </message>
    <message>
        <source>Untick what you would rather keep to yourself. Only what is ticked is saved.</source>
        <translation>Vink uit wat je liever voor jezelf houdt. Alleen wat aangevinkt is, wordt opgeslagen.</translation>
    </message>
    <message>
        <source>Entries and answers to export</source>
        <translation>Notities en antwoorden om te exporteren</translation>
    </message>
    <message>
        <source>Untick an entry or an answer to leave it out</source>
        <translation>Vink een notitie of antwoord uit om het weg te laten</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Voorbeeld</translation>
    </message>
    <message>
        <source>What will be saved, as Markdown</source>
        <translation>Wat er wordt opgeslagen, als Markdown</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Formaat</translation>
    </message>
    <message>
        <source>The kind of file to save</source>
        <translation>Het soort bestand dat wordt opgeslagen</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Opslaan…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
    <message>
        <source>Choose where to save the file</source>
        <translation>Kies waar je het bestand opslaat</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Close without saving</source>
        <translation>Sluiten zonder op te slaan</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>%1 of %2 entries</source>
        <translation>%1 van %2 notities</translation>
    </message>
    <message>
        <source>Save the export</source>
        <translation>De export opslaan</translation>
    </message>
</context>
<context>
    <name>ExportProtection</name>
    <message>
        <source>This file will not be encrypted</source>
        <translation>Dit bestand wordt niet versleuteld</translation>
    </message>
    <message>
        <source>Your journal is locked, but the file you save will not be: anyone who gets it can read it. To send it, you can save it in an archive that opens only with a passphrase (a .zip file that 7-Zip on Windows, Keka or The Unarchiver on a Mac, or the archive manager on Linux opens; the tools built into Windows and macOS cannot). Tell the passphrase to the person who receives it in another way, not in the same message.</source>
        <translation>Je dagboek is vergrendeld, maar het bestand dat je bewaart niet: wie het krijgt, kan het lezen. Om het te versturen kun je het bewaren in een archief dat alleen met een wachtwoordzin opengaat (een .zip-bestand dat 7-Zip op Windows, Keka of The Unarchiver op een Mac, of archiefbeheer op Linux opent; de programma&apos;s die in Windows en macOS zitten kunnen dat niet). Vertel de wachtwoordzin op een andere manier aan wie het ontvangt, niet in hetzelfde bericht.</translation>
    </message>
    <message>
        <source>&amp;Protect the file with a passphrase</source>
        <translation>Het bestand met een wachtwoordzin &amp;beschermen</translation>
    </message>
    <message>
        <source>Protect the file with a passphrase</source>
        <translation>Het bestand met een wachtwoordzin beschermen</translation>
    </message>
    <message>
        <source>Save a passphrase-protected .zip archive instead of a plain file</source>
        <translation>Een met een wachtwoordzin beschermd .zip-archief bewaren in plaats van een gewoon bestand</translation>
    </message>
</context>
<context>
    <name>FeelingsQuestionWidget</name>
    <message>
        <source>A feeling word for: %1. Press Space to choose it or let it go.</source>
        <translation>Een gevoelswoord bij: %1. Druk op de spatiebalk om het te kiezen of weer los te laten.</translation>
    </message>
    <message>
        <source>Choose any words that fit, or none.</source>
        <translation>Kies de woorden die passen, of geen.</translation>
    </message>
    <message>
        <source>Separate words with commas</source>
        <translation>Scheid woorden met komma&apos;s</translation>
    </message>
    <message>
        <source>Other words for: %1</source>
        <translation>Andere woorden bij: %1</translation>
    </message>
    <message>
        <source>Your own feeling words, separated by commas</source>
        <translation>Je eigen gevoelswoorden, gescheiden door komma&apos;s</translation>
    </message>
    <message>
        <source>Other words</source>
        <translation>Andere woorden</translation>
    </message>
</context>
<context>
    <name>GroundingView</name>
    <message>
        <source>A moment to ground yourself</source>
        <translation>Een moment om tot rust te komen</translation>
    </message>
    <message>
        <source>Take a moment. The practice is paused.</source>
        <translation>Neem even de tijd. De oefening staat op pauze.</translation>
    </message>
    <message>
        <source>Feel your feet on the floor, and the weight of your body where you sit.</source>
        <translation>Voel je voeten op de vloer, en het gewicht van je lichaam waar je zit.</translation>
    </message>
    <message>
        <source>Look around and name, quietly, five things you can see, four you can hear, three you can touch, two you can smell and one you can taste.</source>
        <translation>Kijk om je heen en noem zachtjes vijf dingen die je kunt zien, vier die je kunt horen, drie die je kunt aanraken, twee die je kunt ruiken en één die je kunt proeven.</translation>
    </message>
    <message>
        <source>Let the out-breath be a little longer than the in-breath, a few times.</source>
        <translation>Laat een paar keer je uitademing wat langer duren dan je inademing.</translation>
    </message>
    <message>
        <source>There is no hurry. Come back to the practice only if and when you want to.</source>
        <translation>Er is geen haast. Ga pas verder met de oefening als je daar klaar voor bent.</translation>
    </message>
    <message>
        <source>Resume the practice</source>
        <translation>Verder met de oefening</translation>
    </message>
    <message>
        <source>Go back to where you paused</source>
        <translation>Terug naar waar je pauzeerde</translation>
    </message>
    <message>
        <source>End the practice</source>
        <translation>Stoppen met de oefening</translation>
    </message>
    <message>
        <source>Stop here; what you answered is kept</source>
        <translation>Hier stoppen; wat je hebt beantwoord, blijft bewaard</translation>
    </message>
    <message>
        <source>If you need support: %1 — %2</source>
        <translation>Als je steun nodig hebt: %1 — %2</translation>
    </message>
    <message>
        <source>If you need support: %1</source>
        <translation>Als je steun nodig hebt: %1</translation>
    </message>
</context>
<context>
    <name>GrowingTextEdit</name>
    <message>
        <source>Scroll</source>
        <translation>Schuifbalk</translation>
    </message>
    <message>
        <source>Scrolls what you wrote</source>
        <translation>Schuift door wat je schreef</translation>
    </message>
</context>
<context>
    <name>InsightsView</name>
    <message>
        <source>Insights</source>
        <extracomment>Quiet scroll bars and tables. Colours are palette roles, set by the theme.</extracomment>
        <translation>Inzichten</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>Melding</translation>
    </message>
    <message>
        <source>Minutes practised per week</source>
        <translation>Minuten geoefend per week</translation>
    </message>
    <message>
        <source>Week of</source>
        <translation>Week van</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minuten</translation>
    </message>
    <message>
        <source>Practices by kind</source>
        <translation>Oefeningen per soort</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>Practices</source>
        <translation>Oefeningen</translation>
    </message>
    <message>
        <source>Before and after</source>
        <translation>Voor en na</translation>
    </message>
    <message>
        <source>Practice</source>
        <translation>Oefening</translation>
    </message>
    <message>
        <source>Average change</source>
        <translation>Gemiddelde verandering</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Aantal keer</translation>
    </message>
    <message>
        <source>Insights will appear here after your first practice.</source>
        <translation>Na je eerste oefening verschijnen hier inzichten.</translation>
    </message>
    <message>
        <source>They show how much you practised, what kinds of practice, and how your answers before and after compare.</source>
        <translation>Ze laten zien hoeveel je hebt geoefend, welke soorten oefeningen je deed, en hoe je antwoorden van voor en na zich tot elkaar verhouden.</translation>
    </message>
    <message>
        <source>Your journal could not be read just now. %1</source>
        <translation>Je dagboek kon nu even niet worden gelezen. %1</translation>
    </message>
    <message numerus="yes">
        <source>%n days in a row</source>
        <translation>
            <numerusform>%n dag op rij</numerusform>
            <numerusform>%n dagen op rij</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minutes</source>
        <translation>
            <numerusform>%n minuut</numerusform>
            <numerusform>%n minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sessions</source>
        <translation>
            <numerusform>%n keer</numerusform>
            <numerusform>%n keer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n practices in all.</source>
        <translation>
            <numerusform>%n oefening in totaal.</numerusform>
            <numerusform>%n oefeningen in totaal.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 u %2 min</translation>
    </message>
    <message>
        <source>No practice in the last 12 weeks.</source>
        <translation>Geen oefening in de afgelopen 12 weken.</translation>
    </message>
    <message>
        <source>%1 in the last 12 weeks.</source>
        <translation>%1 in de afgelopen 12 weken.</translation>
    </message>
    <message>
        <source>week of %1: %2</source>
        <translation>week van %1: %2</translation>
    </message>
    <message>
        <source>The average change in your answers from before to after. Whether up or down feels better depends on the question.</source>
        <translation>De gemiddelde verandering in je antwoorden van voor naar na. Of een hoger of lager getal beter is, hangt af van de vraag.</translation>
    </message>
    <message>
        <source>%1: %2 on average, over %3</source>
        <translation>%1: gemiddeld %2, over %3</translation>
    </message>
    <message>
        <source>When a practice asks the same question before and after, how your answers changed will show here.</source>
        <translation>Als een oefening voor en na dezelfde vraag stelt, zie je hier hoe je antwoorden veranderden.</translation>
    </message>
</context>
<context>
    <name>JournalHost</name>
    <message>
        <source>Today&apos;s copy of your journal could not be made (%1).</source>
        <extracomment>A problem for the window&apos;s notice (&quot;&quot;: the problem is gone). News for the window&apos;s notice. A bar offering the repair of a damaged journal, for the window to show. The person asked for the unlock screen (from the Journal page of a locked journal). The lock was turned on (True) or off (False) from a lock dialog. Why the journal could not be opened and what to do, in the person&apos;s words; &quot;&quot; while it is open (to read only, too). Set before the state changes. Whether trying again may help (the problem may pass, or the person fix it). The data key of a locked journal, kept in memory only (None: not unlocked, or the lock is off). The journal is locked and was not unlocked: the person went on without it. Argon2id&apos;s cost for a passphrase chosen in a lock dialog (None: Attune&apos;s own; tests give a cheap one).</extracomment>
        <translation>De kopie van je dagboek van vandaag kon niet worden gemaakt (%1).</translation>
    </message>
    <message>
        <source>What you were writing when Attune last closed was kept in your journal.</source>
        <translation>Wat je aan het schrijven was toen Attune de vorige keer sloot, is bewaard in je dagboek.</translation>
    </message>
    <message>
        <source>Some files could not be deleted: %1</source>
        <translation>Sommige bestanden konden niet worden verwijderd: %1</translation>
    </message>
    <message>
        <source>Everything Attune kept about you has been deleted.</source>
        <translation>Alles wat Attune over jou bewaarde, is verwijderd.</translation>
    </message>
    <message>
        <source>The damaged file will be kept aside, not deleted.</source>
        <translation>Het beschadigde bestand wordt apart bewaard, niet verwijderd.</translation>
    </message>
    <message>
        <source>Restore the last copy (%1)</source>
        <translation>De laatste kopie terugzetten (%1)</translation>
    </message>
    <message>
        <source>Use the most recent daily copy</source>
        <translation>De meest recente dagelijkse kopie gebruiken</translation>
    </message>
    <message>
        <source>Start a new journal</source>
        <translation>Een nieuw dagboek beginnen</translation>
    </message>
    <message>
        <source>Keep the damaged file aside and begin again</source>
        <translation>Het beschadigde bestand apart bewaren en opnieuw beginnen</translation>
    </message>
    <message>
        <source>The copy could not be restored (%1); a new journal was started and the damaged file kept aside.</source>
        <translation>De kopie kon niet worden teruggezet (%1); er is een nieuw dagboek begonnen en het beschadigde bestand is apart bewaard.</translation>
    </message>
</context>
<context>
    <name>JournalProblems</name>
    <message>
        <source>Your journal was made by a newer version of Attune. Nothing was changed; a newer Attune can open it.</source>
        <translation>Je dagboek is gemaakt met een nieuwere versie van Attune. Er is niets veranderd; een nieuwere Attune kan het openen.</translation>
    </message>
    <message>
        <source>Your journal file is damaged, so it could not be opened or saved. Attune did not change it.</source>
        <translation>Je dagboekbestand is beschadigd, daarom kon het niet worden geopend of opgeslagen. Attune heeft er niets aan veranderd.</translation>
    </message>
    <message>
        <source>Your journal is in use by another program (is Attune open twice?). Close the other one and try again.</source>
        <translation>Je dagboek is in gebruik door een ander programma (staat Attune twee keer open?). Sluit het andere en probeer het opnieuw.</translation>
    </message>
    <message>
        <source>Attune may not write to your journal: the file or its folder is read-only.</source>
        <translation>Attune mag niet in je dagboek schrijven: het bestand of de map is alleen-lezen.</translation>
    </message>
    <message>
        <source>The disk is full, so your journal could not be saved. Nothing was lost: what was saved before is safe, and what you typed stays on screen until it can be saved. Free some space and try again.</source>
        <translation>De schijf is vol, daarom kon je dagboek niet worden opgeslagen. Er is niets verloren: wat eerder is opgeslagen, is veilig, en wat je typte blijft op het scherm staan tot het kan worden opgeslagen. Maak wat ruimte vrij en probeer het opnieuw.</translation>
    </message>
    <message>
        <source>Your journal could not be opened or saved (%1).</source>
        <translation>Je dagboek kon niet worden geopend of opgeslagen (%1).</translation>
    </message>
</context>
<context>
    <name>JournalScreen</name>
    <message>
        <source>Journal</source>
        <translation>Dagboek</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Notities</translation>
    </message>
    <message>
        <source>Your entries by day: read, search and change them</source>
        <translation>Je notities per dag: lezen, zoeken en aanpassen</translation>
    </message>
    <message>
        <source>Insights</source>
        <translation>Inzichten</translation>
    </message>
    <message>
        <source>Small charts of how much and what you practised</source>
        <translation>Kleine grafieken van hoeveel en wat je hebt geoefend</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporteren…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporteren</translation>
    </message>
    <message>
        <source>Save a copy of your journal as a file, for yourself or your therapist</source>
        <translation>Een kopie van je dagboek als bestand opslaan, voor jezelf of je therapeut</translation>
    </message>
</context>
<context>
    <name>JournalUnavailable</name>
    <message>
        <source>With the buttons at the top of the window you can restore the last daily copy or start a new journal; the damaged file is kept aside.</source>
        <extracomment>The problems that may pass by themselves, or once the person has acted: these get a &quot;Try again&quot; (a damaged journal has its repair bar, a newer one needs the newer Attune).</extracomment>
        <translation>Met de knoppen bovenin het venster kun je de laatste dagelijkse kopie terugzetten of een nieuw dagboek beginnen; het beschadigde bestand wordt apart bewaard.</translation>
    </message>
    <message>
        <source>Open it with the newer Attune; this one leaves it as it is.</source>
        <translation>Open het met de nieuwere Attune; deze laat het zoals het is.</translation>
    </message>
    <message>
        <source>When the other one is closed, press Try again.</source>
        <translation>Druk op Opnieuw proberen als de andere gesloten is.</translation>
    </message>
    <message>
        <source>Make the journal file and its folder writable for you, then press Try again.</source>
        <translation>Maak het dagboekbestand en de map beschrijfbaar voor jou en druk dan op Opnieuw proberen.</translation>
    </message>
    <message>
        <source>When there is room again, press Try again.</source>
        <translation>Druk op Opnieuw proberen als er weer ruimte is.</translation>
    </message>
    <message>
        <source>In a terminal, the command attune unlock turns the lock off with your passphrase or your recovery key.</source>
        <translation>In een terminal zet de opdracht attune unlock de vergrendeling uit met je wachtwoordzin of je herstelsleutel.</translation>
    </message>
    <message>
        <source>Press Try again. If it keeps happening, the command attune doctor says more.</source>
        <translation>Druk op Opnieuw proberen. Blijft het gebeuren, dan vertelt de opdracht attune doctor meer.</translation>
    </message>
    <message>
        <source>If this stays, close Attune and open it again: a damaged journal is then offered its last daily copy.</source>
        <translation>Blijft dit zo, sluit Attune dan en open het opnieuw: voor een beschadigd dagboek wordt dan de laatste dagelijkse kopie aangeboden.</translation>
    </message>
    <message>
        <source>Until it opens, practices still play, but what you answer is not kept.</source>
        <translation>Tot het opengaat, kun je oefeningen nog steeds doen, maar wat je antwoordt wordt niet bewaard.</translation>
    </message>
    <message>
        <source>Your journal is locked and its key file (journal.key) is missing, so nothing can unlock it. Put the key file back beside the journal, in Attune&apos;s data folder, then press Try again.</source>
        <translation>Je dagboek is vergrendeld en het sleutelbestand (journal.key) ontbreekt, dus niets kan het ontgrendelen. Zet het sleutelbestand terug naast het dagboek, in de gegevensmap van Attune, en druk dan op Opnieuw proberen.</translation>
    </message>
    <message>
        <source>Your journal is locked: it opens with your passphrase or your recovery key.</source>
        <translation>Je dagboek is vergrendeld: het gaat open met je wachtwoordzin of je herstelsleutel.</translation>
    </message>
    <message>
        <source>Until it is unlocked, practices still play, but what you answer is not kept.</source>
        <translation>Tot het ontgrendeld is, kun je oefeningen nog steeds doen, maar wat je antwoordt wordt niet bewaard.</translation>
    </message>
</context>
<context>
    <name>JournalUnavailablePage</name>
    <message>
        <source>Journal</source>
        <translation>Dagboek</translation>
    </message>
    <message>
        <source>Your journal is locked</source>
        <translation>Je dagboek is vergrendeld</translation>
    </message>
    <message>
        <source>Your journal could not be opened</source>
        <translation>Je dagboek kon niet worden geopend</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Opnieuw proberen</translation>
    </message>
    <message>
        <source>Open the journal again</source>
        <translation>Het dagboek opnieuw openen</translation>
    </message>
    <message>
        <source>&amp;Unlock my journal</source>
        <translation>Mijn dagboek &amp;ontgrendelen</translation>
    </message>
    <message>
        <source>Unlock my journal</source>
        <translation>Mijn dagboek ontgrendelen</translation>
    </message>
    <message>
        <source>Back to the unlock screen</source>
        <translation>Terug naar het ontgrendelscherm</translation>
    </message>
</context>
<context>
    <name>JournalView</name>
    <message>
        <source>Journal entries</source>
        <extracomment>Searching waits this long after the last key. How long &quot;Entry deleted · Undo&quot; stays. The list draws its own cards: no frame or background of its own.</extracomment>
        <translation>Dagboeknotities</translation>
    </message>
    <message>
        <source>Notice</source>
        <extracomment>What was typed and not saved, by entry uid: kept when moving between entries. Hides the undo bar; its interval may be shortened (tests).</extracomment>
        <translation>Melding</translation>
    </message>
    <message>
        <source>Your changes could not be saved. %1 What you wrote is still here.</source>
        <translation>Je wijzigingen konden niet worden opgeslagen. %1 Wat je schreef, staat er nog.</translation>
    </message>
    <message>
        <source>This entry could not be deleted. %1</source>
        <translation>Deze notitie kon niet worden verwijderd. %1</translation>
    </message>
    <message>
        <source>Entry deleted. Press Ctrl+Z to undo.</source>
        <translation>Notitie verwijderd. Druk op Ctrl+Z om dat ongedaan te maken.</translation>
    </message>
    <message>
        <source>The entry could not be brought back. %1</source>
        <translation>De notitie kon niet worden teruggezet. %1</translation>
    </message>
    <message>
        <source>Search what you wrote</source>
        <translation>Zoeken in wat je schreef</translation>
    </message>
    <message>
        <source>Search the journal</source>
        <translation>Zoeken in het dagboek</translation>
    </message>
    <message>
        <source>Type to find entries by what you wrote, the questions or the practice. Press Down to go to the list.</source>
        <translation>Typ om notities te vinden op wat je schreef, de vragen of de oefening. Druk op pijl-omlaag om naar de lijst te gaan.</translation>
    </message>
    <message>
        <source>Practice</source>
        <translation>Oefening</translation>
    </message>
    <message>
        <source>Show the entries of one practice</source>
        <translation>De notities van één oefening tonen</translation>
    </message>
    <message>
        <source>All practices</source>
        <translation>Alle oefeningen</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>Show practices of one kind</source>
        <translation>Oefeningen van één soort tonen</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Alle soorten</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>Show the entries of a recent stretch of time</source>
        <translation>De notities van een recente periode tonen</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Elke periode</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Afgelopen 7 dagen</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Afgelopen 30 dagen</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>Dit jaar</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Notities</translation>
    </message>
    <message>
        <source>Your entries by day, newest first. Enter opens one to read and change; Delete deletes it, and you can undo that.</source>
        <translation>Je notities per dag, nieuwste eerst. Enter opent er een om te lezen en aan te passen; Delete verwijdert hem, en dat kun je ongedaan maken.</translation>
    </message>
    <message>
        <source>No entries match. Clear the search or filters.</source>
        <translation>Geen notities gevonden. Wis de zoekopdracht of de filters.</translation>
    </message>
    <message>
        <source>Clear search and filters</source>
        <translation>Zoeken en filters wissen</translation>
    </message>
    <message>
        <source>Show every entry again</source>
        <translation>Alle notities weer tonen</translation>
    </message>
    <message>
        <source>Entry deleted ·</source>
        <translation>Notitie verwijderd ·</translation>
    </message>
    <message>
        <source>Entry deleted</source>
        <translation>Notitie verwijderd</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Ongedaan maken</translation>
    </message>
    <message>
        <source>Undo delete</source>
        <translation>Verwijderen ongedaan maken</translation>
    </message>
    <message>
        <source>Bring back the entry you just deleted (Ctrl+Z)</source>
        <translation>De notitie terugzetten die je net hebt verwijderd (Ctrl+Z)</translation>
    </message>
    <message numerus="yes">
        <source>%n entries found</source>
        <translation>
            <numerusform>%n notitie gevonden</numerusform>
            <numerusform>%n notities gevonden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n notitie</numerusform>
            <numerusform>%n notities</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose an entry to read it here.</source>
        <translation>Kies een notitie om die hier te lezen.</translation>
    </message>
    <message>
        <source>Ctrl+F searches, the arrow keys move through the list, and Enter opens an entry so you can add to what you wrote.</source>
        <translation>Ctrl+F zoekt, met de pijltjestoetsen ga je door de lijst, en Enter opent een notitie zodat je kunt aanvullen wat je schreef.</translation>
    </message>
    <message>
        <source>Your reflections will appear here after your first practice.</source>
        <translation>Na je eerste oefening verschijnen hier je reflecties.</translation>
    </message>
    <message>
        <source>After a practice you can write down what you noticed. Looking back later can show you what helped. Your journal stays on this computer.</source>
        <translation>Na een oefening kun je opschrijven wat je merkte. Later terugkijken kan je laten zien wat hielp. Je dagboek blijft op deze computer.</translation>
    </message>
    <message>
        <source>under a minute</source>
        <translation>minder dan een minuut</translation>
    </message>
    <message>
        <source>stopped early</source>
        <extracomment>The day&apos;s heading, on the first entry of each day in the list (&quot;&quot; otherwise). One line under the facts: the start of something written, or a search snippet with its matches marked &quot;[[…]]&quot;. All of it in words, for screen readers.</extracomment>
        <translation>eerder gestopt</translation>
    </message>
    <message>
        <source>%1 from %2 to %3</source>
        <translation>%1 van %2 naar %3</translation>
    </message>
    <message>
        <source>The %1 closest matches</source>
        <translation>De %1 beste treffers</translation>
    </message>
    <message>
        <source>%2 of %1 entries</source>
        <translation>%2 van %1 notities</translation>
    </message>
    <message>
        <source>It is no longer in your journal.</source>
        <translation>Die staat niet meer in je dagboek.</translation>
    </message>
    <message>
        <source>Your journal could not be read just now. %1</source>
        <translation>Je dagboek kon nu even niet worden gelezen. %1</translation>
    </message>
</context>
<context>
    <name>Lengths</name>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
</context>
<context>
    <name>LibraryView</name>
    <message>
        <source>Library</source>
        <extracomment>Combo arrows, and the problems line&apos;s button. Colours are palette roles. Up to this many practices are indexed at once (under 0.01 ms each), so the list is sorted from its first paint; larger libraries are indexed after it, in slices. How long one slice of background indexing may keep the GUI thread. Open the practice in the editor: one&apos;s own file itself, any other as a copy.</extracomment>
        <translation>Bibliotheek</translation>
    </message>
    <message>
        <source>Search practices</source>
        <translation>Oefeningen zoeken</translation>
    </message>
    <message>
        <source>Type to find practices by title, summary or tag. Press Down to go to the list.</source>
        <translation>Typ om oefeningen te vinden op titel, samenvatting of tag. Druk op pijl-omlaag om naar de lijst te gaan.</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>Show practices of one kind</source>
        <translation>Oefeningen van één soort tonen</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Alle soorten</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Duur</translation>
    </message>
    <message>
        <source>Show practices that fit the time you have</source>
        <translation>Oefeningen tonen die passen bij de tijd die je hebt</translation>
    </message>
    <message>
        <source>Any length</source>
        <translation>Elke duur</translation>
    </message>
    <message>
        <source>Up to 5 minutes</source>
        <translation>Tot 5 minuten</translation>
    </message>
    <message>
        <source>5–15 minutes</source>
        <translation>5–15 minuten</translation>
    </message>
    <message>
        <source>Over 15 minutes</source>
        <translation>Langer dan 15 minuten</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Taal</translation>
    </message>
    <message>
        <source>Show practices in one language</source>
        <translation>Oefeningen in één taal tonen</translation>
    </message>
    <message>
        <source>All languages</source>
        <translation>Alle talen</translation>
    </message>
    <message>
        <source>Practices</source>
        <translation>Oefeningen</translation>
    </message>
    <message>
        <source>Scroll the practices</source>
        <translation>Door de oefeningen scrollen</translation>
    </message>
    <message numerus="yes">
        <source>%n practices</source>
        <translation>
            <numerusform>%n oefening</numerusform>
            <numerusform>%n oefeningen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n files could not be loaded</source>
        <translation>
            <numerusform>%n bestand kon niet worden geladen</numerusform>
            <numerusform>%n bestanden konden niet worden geladen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n notes about your practice files</source>
        <translation>
            <numerusform>%n opmerking over je oefenbestanden</numerusform>
            <numerusform>%n opmerkingen over je oefenbestanden</numerusform>
        </translation>
    </message>
    <message>
        <source>Press Enter to begin the selected practice</source>
        <translation>Druk op Enter om de gekozen oefening te beginnen</translation>
    </message>
    <message>
        <source>No practices match. Clear the search or filters.</source>
        <translation>Geen oefeningen gevonden. Wis de zoekopdracht of de filters.</translation>
    </message>
    <message>
        <source>Clear search and filters</source>
        <translation>Zoeken en filters wissen</translation>
    </message>
    <message>
        <source>Show every practice again</source>
        <translation>Alle oefeningen weer tonen</translation>
    </message>
    <message>
        <source>Before you start</source>
        <translation>Voordat je begint</translation>
    </message>
    <message>
        <source>Practice details</source>
        <translation>Over de oefening</translation>
    </message>
    <message>
        <source>About the selected practice; use the arrow keys to scroll</source>
        <translation>Over de gekozen oefening; scroll met de pijltjestoetsen</translation>
    </message>
    <message>
        <source>Begin…</source>
        <translation>Beginnen…</translation>
    </message>
    <message>
        <source>Begin</source>
        <translation>Beginnen</translation>
    </message>
    <message>
        <source>Get ready to begin the selected practice</source>
        <translation>Je voorbereiden op de gekozen oefening</translation>
    </message>
    <message>
        <source>This practice&apos;s file has changed and cannot be read now: %1</source>
        <translation>Het bestand van deze oefening is veranderd en kan nu niet gelezen worden: %1</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bewerken…</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bewerken</translation>
    </message>
    <message>
        <source>Open this practice in the editor</source>
        <translation>Deze oefening openen in de editor</translation>
    </message>
    <message>
        <source>Choose a practice to read about it here.</source>
        <translation>Kies een oefening om er hier meer over te lezen.</translation>
    </message>
    <message>
        <source>Ctrl+F searches, the arrow keys move through the list, and Enter begins the practice you have chosen.</source>
        <translation>Ctrl+F zoekt, met de pijltjestoetsen ga je door de lijst, en Enter begint de oefening die je hebt gekozen.</translation>
    </message>
    <message>
        <source>No practices yet</source>
        <translation>Nog geen oefeningen</translation>
    </message>
    <message>
        <source>Practice files (.yaml) that you put in this folder appear here:</source>
        <translation>Oefenbestanden (.yaml) die je in deze map zet, verschijnen hier:</translation>
    </message>
    <message>
        <source>Your practices folder</source>
        <translation>Je map met oefeningen</translation>
    </message>
    <message>
        <source>Practice files (.yaml) that you put in your practices folder appear here.</source>
        <translation>Oefenbestanden (.yaml) die je in je map met oefeningen zet, verschijnen hier.</translation>
    </message>
    <message>
        <source>Your therapist may have given you some, or you can write your own.</source>
        <translation>Misschien heeft je therapeut je er een paar gegeven, of je schrijft er zelf een.</translation>
    </message>
    <message>
        <source>Show details</source>
        <translation>Details tonen</translation>
    </message>
    <message>
        <source>Show details of the problems</source>
        <translation>Details van de problemen tonen</translation>
    </message>
    <message>
        <source>List every problem found in your practice files</source>
        <translation>Alle problemen in je oefenbestanden op een rij zetten</translation>
    </message>
    <message>
        <source>about %1</source>
        <extracomment>Folded titles (every translation), summaries and tags, for searching. Its lengths, or its fixed time when it has none (empty when unknown). Primary language subtags it can be read and heard in.</extracomment>
        <translation>ongeveer %1</translation>
    </message>
    <message>
        <source>%2 of %1 practices</source>
        <translation>%2 van %1 oefeningen</translation>
    </message>
    <message>
        <source>Adapt a copy…</source>
        <translation>Kopie aanpassen…</translation>
    </message>
    <message>
        <source>Adapt a copy</source>
        <translation>Kopie aanpassen</translation>
    </message>
    <message>
        <source>Open a copy in the editor, to save among your own practices</source>
        <translation>Een kopie openen in de editor, om op te slaan bij je eigen oefeningen</translation>
    </message>
    <message>
        <source>By %1</source>
        <translation>Door %1</translation>
    </message>
    <message>
        <source>Licence: %1</source>
        <translation>Licentie: %1</translation>
    </message>
    <message>
        <source>From: %1</source>
        <translation>Herkomst: %1</translation>
    </message>
    <message>
        <source>built-in</source>
        <translation>ingebouwd</translation>
    </message>
    <message>
        <source>your practices</source>
        <translation>je eigen oefeningen</translation>
    </message>
    <message>
        <source>the pack “%1”</source>
        <translation>het pakket ‘%1’</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <source>Please wait</source>
        <translation>Even geduld</translation>
    </message>
    <message>
        <source>Scroll</source>
        <translation>Schuifbalk</translation>
    </message>
</context>
<context>
    <name>LockProblem</name>
    <message>
        <source>That passphrase does not open your journal. Take your time and try again, or use your recovery key.</source>
        <translation>Met die wachtwoordzin gaat je dagboek niet open. Neem je tijd en probeer het opnieuw, of gebruik je herstelsleutel.</translation>
    </message>
    <message>
        <source>That recovery key does not open this journal. Check it against the one you wrote down.</source>
        <translation>Met die herstelsleutel gaat dit dagboek niet open. Vergelijk hem met de sleutel die je hebt opgeschreven.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Journal</source>
        <extracomment>The page the person lands on is built, with what it shows, and on screen. The journal, the library&apos;s watch and the reminders start at most this long after landing, painted or not. The pages built so far; the rest are built when first shown (`page`).</extracomment>
        <translation>Dagboek</translation>
    </message>
    <message>
        <source>Soon your reflections will be kept here, privately, on this computer.</source>
        <translation>Straks worden je reflecties hier bewaard, privé, op deze computer.</translation>
    </message>
    <message>
        <source>The practice %1 is not in your library.</source>
        <translation>De oefening %1 staat niet in je bibliotheek.</translation>
    </message>
    <message>
        <source>The practice %1 could not be opened: %2</source>
        <translation>De oefening %1 kon niet worden geopend: %2</translation>
    </message>
    <message>
        <source>A practice is open in the main window; end it there first.</source>
        <translation>Er is een oefening open in het hoofdvenster; rond die daar eerst af.</translation>
    </message>
</context>
<context>
    <name>MakePackDialog</name>
    <message>
        <source>Make a pack</source>
        <extracomment>The role that holds an entry&apos;s id in the list, and whether it is a plan.</extracomment>
        <translation>Een pakket maken</translation>
    </message>
    <message>
        <source>Choose practices and plans to hand over as one file</source>
        <translation>Kies oefeningen en plannen om als één bestand mee te geven</translation>
    </message>
    <message>
        <source>Heading</source>
        <translation>Kop</translation>
    </message>
    <message>
        <source>Tick what to hand over. Your files go in as you wrote them, with the clips and images they use. Built-in practices need not be ticked: everyone has them.</source>
        <translation>Vink aan wat je wilt meegeven. Je bestanden gaan erin zoals je ze schreef, met de geluidsfragmenten en afbeeldingen die ze gebruiken. Ingebouwde oefeningen hoef je niet aan te vinken: die heeft iedereen al.</translation>
    </message>
    <message>
        <source>What goes into the pack</source>
        <translation>Wat er in het pakket komt</translation>
    </message>
    <message>
        <source>Practices and plans</source>
        <translation>Oefeningen en plannen</translation>
    </message>
    <message>
        <source>Space ticks or unticks the one with focus</source>
        <translation>Met de spatiebalk vink je het geselecteerde item aan of uit</translation>
    </message>
    <message>
        <source>practice</source>
        <translation>oefening</translation>
    </message>
    <message>
        <source>plan</source>
        <translation>plan</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>The pack&apos;s title, as people see it</source>
        <translation>De titel van het pakket, zoals anderen die zien</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Van</translation>
    </message>
    <message>
        <source>Who the pack is from</source>
        <translation>Van wie het pakket komt</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Titel</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Van</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problemen</translation>
    </message>
    <message>
        <source>What must be fixed before saving</source>
        <translation>Wat eerst moet worden opgelost voordat je kunt opslaan</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>What is chosen so far</source>
        <translation>Wat er tot nu toe is gekozen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Close without making a pack</source>
        <translation>Sluiten zonder een pakket te maken</translation>
    </message>
    <message>
        <source>Save pack…</source>
        <translation>Pakket opslaan…</translation>
    </message>
    <message>
        <source>Save pack</source>
        <translation>Pakket opslaan</translation>
    </message>
    <message>
        <source>Choose where to save the pack file</source>
        <translation>Kies waar je het pakketbestand opslaat</translation>
    </message>
    <message>
        <source>Nothing was saved. Please fix:</source>
        <translation>Er is niets opgeslagen. Los eerst dit op:</translation>
    </message>
    <message>
        <source>Nothing was saved: %1</source>
        <translation>Er is niets opgeslagen: %1</translation>
    </message>
    <message>
        <source>You have no practices or plans of your own yet.</source>
        <translation>Je hebt nog geen eigen oefeningen of plannen.</translation>
    </message>
    <message>
        <source>Tick at least one.</source>
        <translation>Vink er minstens één aan.</translation>
    </message>
    <message>
        <source>Give the pack a title and say who it is from.</source>
        <translation>Geef het pakket een titel en zeg van wie het komt.</translation>
    </message>
    <message numerus="yes">
        <source>%n practices</source>
        <translation>
            <numerusform>%n oefening</numerusform>
            <numerusform>%n oefeningen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n plans</source>
        <translation>
            <numerusform>%n plan</numerusform>
            <numerusform>%n plannen</numerusform>
        </translation>
    </message>
    <message>
        <source>Chosen: %1</source>
        <translation>Gekozen: %1</translation>
    </message>
    <message>
        <source>(with what the plan asks for: %1)</source>
        <translation>(met wat het plan vraagt: %1)</translation>
    </message>
    <message>
        <source>Save the pack</source>
        <translation>Het pakket opslaan</translation>
    </message>
    <message>
        <source>Attune packs (*.attunepack)</source>
        <translation>Attune-pakketten (*.attunepack)</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <source>Today</source>
        <extracomment>The person asks for a page.</extracomment>
        <translation>Vandaag</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Bibliotheek</translation>
    </message>
    <message>
        <source>Journal</source>
        <translation>Dagboek</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Instellingen</translation>
    </message>
    <message>
        <source>Show %1 (Ctrl+%2)</source>
        <translation>%1 tonen (Ctrl+%2)</translation>
    </message>
    <message>
        <source>Open a pack…</source>
        <translation>Pakket openen…</translation>
    </message>
    <message>
        <source>Install practices and plans from a .attunepack file (Ctrl+O)</source>
        <translation>Oefeningen en plannen installeren uit een .attunepack-bestand (Ctrl+O)</translation>
    </message>
    <message>
        <source>Write a practice…</source>
        <translation>Oefening schrijven…</translation>
    </message>
    <message>
        <source>Open the practice editor, with a template for each kind (Ctrl+Shift+E)</source>
        <translation>De oefeningeditor openen, met een sjabloon voor elke soort (Ctrl+Shift+E)</translation>
    </message>
    <message>
        <source>Make a plan…</source>
        <translation>Plan maken…</translation>
    </message>
    <message>
        <source>Choose practices, how often and for how long (Ctrl+Shift+L)</source>
        <translation>Oefeningen kiezen, hoe vaak en hoe lang (Ctrl+Shift+L)</translation>
    </message>
    <message>
        <source>Make a pack…</source>
        <translation>Pakket maken…</translation>
    </message>
    <message>
        <source>Save your own practices and plans as one .attunepack file (Ctrl+Shift+P)</source>
        <translation>Je eigen oefeningen en plannen opslaan als één .attunepack-bestand (Ctrl+Shift+P)</translation>
    </message>
</context>
<context>
    <name>NewPassphraseFields</name>
    <message>
        <source>New passphrase</source>
        <extracomment>From this length on a passphrase is called good, and strong from the next one (or from four words of it).</extracomment>
        <translation>Nieuwe wachtwoordzin</translation>
    </message>
    <message numerus="yes">
        <source>At least %n characters; a few words you can remember are best</source>
        <translation>
            <numerusform>Minstens %n teken; een paar woorden die je kunt onthouden zijn het best</numerusform>
            <numerusform>Minstens %n tekens; een paar woorden die je kunt onthouden zijn het best</numerusform>
        </translation>
    </message>
    <message>
        <source>The new passphrase again</source>
        <translation>De nieuwe wachtwoordzin nog eens</translation>
    </message>
    <message>
        <source>Type it once more, to be sure</source>
        <translation>Typ hem nog een keer, voor de zekerheid</translation>
    </message>
    <message>
        <source>Passphrase strength</source>
        <translation>Sterkte van de wachtwoordzin</translation>
    </message>
    <message>
        <source>&amp;New passphrase</source>
        <translation>&amp;Nieuwe wachtwoordzin</translation>
    </message>
    <message>
        <source>A&amp;gain</source>
        <translation>No&amp;g eens</translation>
    </message>
    <message>
        <source>Choose a passphrase.</source>
        <translation>Kies een wachtwoordzin.</translation>
    </message>
    <message numerus="yes">
        <source>A passphrase needs at least %n characters.</source>
        <translation>
            <numerusform>Een wachtwoordzin heeft minstens %n teken nodig.</numerusform>
            <numerusform>Een wachtwoordzin heeft minstens %n tekens nodig.</numerusform>
        </translation>
    </message>
    <message>
        <source>That passphrase holds something that is not text.</source>
        <translation>In die wachtwoordzin staat iets dat geen tekst is.</translation>
    </message>
    <message>
        <source>The two passphrases are not the same yet.</source>
        <translation>De twee wachtwoordzinnen zijn nog niet gelijk.</translation>
    </message>
    <message>
        <source>A few words you can remember make a good passphrase.</source>
        <translation>Een paar woorden die je kunt onthouden vormen een goede wachtwoordzin.</translation>
    </message>
    <message numerus="yes">
        <source>Too short: %n more characters at least.</source>
        <translation>
            <numerusform>Te kort: minstens nog %n teken.</numerusform>
            <numerusform>Te kort: minstens nog %n tekens.</numerusform>
        </translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation>Sterk.</translation>
    </message>
    <message>
        <source>Good. A word or two more makes it strong.</source>
        <translation>Goed. Met een woord of twee meer wordt hij sterk.</translation>
    </message>
    <message>
        <source>Weak but allowed. A few more words make it much harder to guess.</source>
        <translation>Zwak, maar toegestaan. Met een paar woorden meer is hij veel moeilijker te raden.</translation>
    </message>
</context>
<context>
    <name>NoticeLine</name>
    <message>
        <source>Notice</source>
        <extracomment>What is shown is news, not a problem.</extracomment>
        <translation>Melding</translation>
    </message>
</context>
<context>
    <name>OutlinePane</name>
    <message>
        <source>Outline</source>
        <translation>Overzicht</translation>
    </message>
    <message>
        <source>About the outline</source>
        <translation>Over het overzicht</translation>
    </message>
    <message>
        <source>Outline of the steps and when each begins</source>
        <translation>Overzicht van de stappen en wanneer elke stap begint</translation>
    </message>
    <message>
        <source>Enter or a click goes to the step in the text</source>
        <translation>Enter of een klik gaat naar de stap in de tekst</translation>
    </message>
    <message>
        <source>As it was before the last change; it follows again once fixed.</source>
        <translation>Zoals het was vóór de laatste wijziging; het loopt weer mee zodra het probleem is opgelost.</translation>
    </message>
    <message>
        <source>It appears once the practice has no problems.</source>
        <translation>Het verschijnt zodra de oefening geen problemen meer heeft.</translation>
    </message>
    <message>
        <source>With its repeats this practice has %1 steps and breaths: too many to outline while you type. attune timeline shows it in full.</source>
        <translation>Met de herhalingen heeft deze oefening %1 stappen en ademhalingen: te veel voor een overzicht terwijl je typt. attune timeline laat alles zien.</translation>
    </message>
    <message>
        <source>at %1</source>
        <translation>bij %1</translation>
    </message>
    <message>
        <source>starts</source>
        <translation>begint</translation>
    </message>
    <message>
        <source>line</source>
        <translation>regel</translation>
    </message>
    <message>
        <source>step</source>
        <translation>stap</translation>
    </message>
    <message>
        <source>ends (timed total)</source>
        <translation>eindigt (totale tijd)</translation>
    </message>
    <message>
        <source>Times leave out waiting at Continue and at questions.</source>
        <translation>De tijden tellen het wachten bij Verder en bij vragen niet mee.</translation>
    </message>
</context>
<context>
    <name>Pacer</name>
    <message>
        <source>Breathing guide</source>
        <extracomment>The smallest circle, as a share of the largest: never a dot, always a presence.</extracomment>
        <translation>Adembegeleiding</translation>
    </message>
    <message>
        <source>A circle that grows as you breathe in and shrinks as you breathe out</source>
        <translation>Een cirkel die groter wordt als je inademt en kleiner als je uitademt</translation>
    </message>
    <message>
        <source>Breathe in</source>
        <translation>Adem in</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>Houd vast</translation>
    </message>
    <message>
        <source>Breathe out</source>
        <translation>Adem uit</translation>
    </message>
    <message>
        <source>Rest</source>
        <translation>Rust</translation>
    </message>
</context>
<context>
    <name>PackDialog</name>
    <message>
        <source>Install a pack</source>
        <translation>Een pakket installeren</translation>
    </message>
    <message>
        <source>What the pack holds, before it is installed</source>
        <translation>Wat er in het pakket zit, voordat het wordt geïnstalleerd</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Wat er gebeurde</translation>
    </message>
    <message>
        <source>Install</source>
        <translation>Installeren</translation>
    </message>
    <message>
        <source>Install the pack and add its plans</source>
        <translation>Het pakket installeren en de plannen erin toevoegen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Close without installing</source>
        <translation>Sluiten zonder te installeren</translation>
    </message>
    <message>
        <source>the file does not hold a pack manifest</source>
        <translation>het bestand bevat geen pakketmanifest</translation>
    </message>
    <message>
        <source>This pack cannot be installed</source>
        <translation>Dit pakket kan niet worden geïnstalleerd</translation>
    </message>
    <message>
        <source>Nothing was changed. The reason: %1</source>
        <translation>Er is niets veranderd. De reden: %1</translation>
    </message>
    <message>
        <source>Why the pack cannot be installed</source>
        <translation>Waarom het pakket niet kan worden geïnstalleerd</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>Close this window</source>
        <translation>Dit venster sluiten</translation>
    </message>
    <message>
        <source>Pack title</source>
        <translation>Titel van het pakket</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>van %1</translation>
    </message>
    <message>
        <source>Who made the pack</source>
        <translation>Wie het pakket heeft gemaakt</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Versie %1</translation>
    </message>
    <message>
        <source>Version %1 is already installed. Replacing it puts this version in its place.</source>
        <translation>Versie %1 is al geïnstalleerd. Als je vervangt, komt deze versie ervoor in de plaats.</translation>
    </message>
    <message>
        <source>installed: version %1; installing replaces it with this newer one.</source>
        <translation>geïnstalleerd: versie %1; installeren vervangt die door deze nieuwere.</translation>
    </message>
    <message>
        <source>Version of the pack</source>
        <translation>Versie van het pakket</translation>
    </message>
    <message>
        <source>What the pack is for</source>
        <translation>Waar het pakket voor is</translation>
    </message>
    <message>
        <source>Practices</source>
        <translation>Oefeningen</translation>
    </message>
    <message>
        <source>The practices in this pack</source>
        <translation>De oefeningen in dit pakket</translation>
    </message>
    <message>
        <source>Plans</source>
        <translation>Plannen</translation>
    </message>
    <message>
        <source>The plans in this pack; they are added to your plans</source>
        <translation>De plannen in dit pakket; ze worden aan je plannen toegevoegd</translation>
    </message>
    <message>
        <source>Media: %1 files, %2</source>
        <translation>Media: %1 bestanden, %2</translation>
    </message>
    <message>
        <source>Sound and picture files in the pack</source>
        <translation>Geluids- en beeldbestanden in het pakket</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Vervangen</translation>
    </message>
    <message>
        <source>Replace the installed version with this one</source>
        <translation>De geïnstalleerde versie door deze vervangen</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(geen)</translation>
    </message>
    <message>
        <source>This pack has problems, so it cannot be installed:</source>
        <translation>Dit pakket heeft problemen, daarom kan het niet worden geïnstalleerd:</translation>
    </message>
    <message>
        <source>The pack&apos;s maker can correct these</source>
        <translation>De maker van het pakket kan deze verbeteren</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problemen</translation>
    </message>
    <message>
        <source>Each as file:line:column</source>
        <translation>Elk als bestand:regel:kolom</translation>
    </message>
    <message>
        <source>Not installed: %1</source>
        <translation>Niet geïnstalleerd: %1</translation>
    </message>
    <message>
        <source>Not installed.</source>
        <translation>Niet geïnstalleerd.</translation>
    </message>
    <message>
        <source>The pack is installed, but its plans could not be added: %1</source>
        <translation>Het pakket is geïnstalleerd, maar de plannen konden niet worden toegevoegd: %1</translation>
    </message>
</context>
<context>
    <name>PlanFormDialog</name>
    <message>
        <source>Change the plan</source>
        <extracomment>Ends, when ticked, starts two weeks after the start: a usual time between sessions. Files this dialog wrote (or the plan it opened): replaced without asking. The id of a plan being changed stays, so packs and Today still find it. Asks before replacing a file this dialog did not make; tests may replace it.</extracomment>
        <translation>Het plan aanpassen</translation>
    </message>
    <message>
        <source>Make a plan</source>
        <translation>Een plan maken</translation>
    </message>
    <message>
        <source>Practices to do, how often, and a message</source>
        <translation>Oefeningen om te doen, hoe vaak, en een bericht</translation>
    </message>
    <message>
        <source>Heading</source>
        <translation>Kop</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>The plan&apos;s title, as people see it</source>
        <translation>De titel van het plan, zoals anderen die zien</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>Bestandsnaam</translation>
    </message>
    <message>
        <source>Where the plan is saved</source>
        <translation>Waar het plan wordt opgeslagen</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Van</translation>
    </message>
    <message>
        <source>Who gives the plan, shown with it</source>
        <translation>Wie het plan geeft; dat staat erbij</translation>
    </message>
    <message>
        <source>Your name, as your client knows you</source>
        <translation>Je naam, zoals je cliënt je kent</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Bericht</translation>
    </message>
    <message>
        <source>An optional word for the person; Tab moves on</source>
        <translation>Een paar woorden voor de persoon, als je wilt; Tab gaat verder</translation>
    </message>
    <message>
        <source>For example: Try these at a quiet moment. It&apos;s fine to miss a day.</source>
        <translation>Bijvoorbeeld: Probeer deze op een rustig moment. Het is niet erg als je een dag overslaat.</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Optional: how to reach you, shown with the safety info</source>
        <translation>Optioneel: hoe je bereikbaar bent; dat staat bij de veiligheidsinformatie</translation>
    </message>
    <message>
        <source>Optional: a phone number or e-mail</source>
        <translation>Optioneel: een telefoonnummer of e-mailadres</translation>
    </message>
    <message>
        <source>Starts on</source>
        <translation>Begint op</translation>
    </message>
    <message>
        <source>Ticked: the plan begins on this day</source>
        <translation>Aangevinkt: het plan begint op deze dag</translation>
    </message>
    <message>
        <source>Ends on</source>
        <translation>Eindigt op</translation>
    </message>
    <message>
        <source>Ticked: the plan ends after this day</source>
        <translation>Aangevinkt: het plan eindigt na deze dag</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Titel</translation>
    </message>
    <message>
        <source>F&amp;rom</source>
        <translation>&amp;Van</translation>
    </message>
    <message>
        <source>&amp;Message</source>
        <translation>&amp;Bericht</translation>
    </message>
    <message>
        <source>&amp;Contact</source>
        <translation>&amp;Contact</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Datums</translation>
    </message>
    <message>
        <source>Both are optional</source>
        <translation>Allebei optioneel</translation>
    </message>
    <message>
        <source>Practices</source>
        <translation>Oefeningen</translation>
    </message>
    <message>
        <source>No practices in this plan yet. Add the first one below.</source>
        <translation>Nog geen oefeningen in dit plan. Voeg hieronder de eerste toe.</translation>
    </message>
    <message>
        <source>No practices yet</source>
        <translation>Nog geen oefeningen</translation>
    </message>
    <message>
        <source>Add a practice</source>
        <translation>Oefening toevoegen</translation>
    </message>
    <message>
        <source>A new row for one more practice</source>
        <translation>Een nieuwe rij voor nog een oefening</translation>
    </message>
    <message>
        <source>The plan</source>
        <translation>Het plan</translation>
    </message>
    <message>
        <source>Everything the plan holds</source>
        <translation>Alles wat in het plan staat</translation>
    </message>
    <message>
        <source>Also follow this plan myself (it shows on Today)</source>
        <translation>Dit plan ook zelf volgen (het staat dan bij Vandaag)</translation>
    </message>
    <message>
        <source>Ticked: the plan is added to your own Today as well</source>
        <translation>Aangevinkt: het plan komt ook bij je eigen Vandaag</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problemen</translation>
    </message>
    <message>
        <source>What to change before saving</source>
        <translation>Wat je moet aanpassen voordat je opslaat</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>What is still needed</source>
        <translation>Wat er nog nodig is</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Close without saving</source>
        <translation>Sluiten zonder op te slaan</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
    <message>
        <source>Save the plan with your practices</source>
        <translation>Het plan opslaan bij je oefeningen</translation>
    </message>
    <message>
        <source>Nothing was saved yet. Please look at:</source>
        <translation>Er is nog niets opgeslagen. Kijk nog even naar:</translation>
    </message>
    <message>
        <source>Nothing was saved: the plan “%1” has this name already. Give this plan another title.</source>
        <translation>Er is niets opgeslagen: het plan ‘%1’ heeft deze naam al. Geef dit plan een andere titel.</translation>
    </message>
    <message>
        <source>Nothing was saved: there is already a file named %1.</source>
        <translation>Er is niets opgeslagen: er is al een bestand met de naam %1.</translation>
    </message>
    <message>
        <source>Nothing was saved: %1</source>
        <translation>Er is niets opgeslagen: %1</translation>
    </message>
    <message>
        <source>The plan was saved, but could not be added to Today: %1</source>
        <translation>Het plan is opgeslagen, maar kon niet aan Vandaag worden toegevoegd: %1</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Taal</translation>
    </message>
    <message>
        <source>Practice %1</source>
        <translation>Oefening %1</translation>
    </message>
    <message numerus="yes">
        <source>Ready to save: %n practices</source>
        <translation>
            <numerusform>Klaar om op te slaan: %n oefening</numerusform>
            <numerusform>Klaar om op te slaan: %n oefeningen</numerusform>
        </translation>
    </message>
    <message>
        <source>Give the plan a title.</source>
        <translation>Geef het plan een titel.</translation>
    </message>
    <message>
        <source>Say who the plan is from.</source>
        <translation>Zeg van wie het plan komt.</translation>
    </message>
    <message>
        <source>Add at least one practice.</source>
        <translation>Voeg minstens één oefening toe.</translation>
    </message>
    <message>
        <source>The file name comes from the title.</source>
        <translation>De bestandsnaam komt uit de titel.</translation>
    </message>
    <message>
        <source>Saved as %1 with your own practices.</source>
        <translation>Opgeslagen als %1 bij je eigen oefeningen.</translation>
    </message>
    <message>
        <source>A file of that name is there already; you will be asked.</source>
        <translation>Er is al een bestand met die naam; je krijgt straks de vraag wat je wilt.</translation>
    </message>
    <message>
        <source>Replace the file?</source>
        <translation>Het bestand vervangen?</translation>
    </message>
    <message>
        <source>There is already a plan file named %1. Replace it with this plan?</source>
        <translation>Er is al een planbestand met de naam %1. Wil je het door dit plan vervangen?</translation>
    </message>
    <message>
        <source>, date</source>
        <translation>, datum</translation>
    </message>
    <message>
        <source>The day; Alt+Down opens a calendar</source>
        <translation>De dag; Alt+pijl-omlaag opent een kalender</translation>
    </message>
</context>
<context>
    <name>PlanItemRow</name>
    <message>
        <source>Practice</source>
        <extracomment>How often, as the &quot;How often&quot; picker offers it (the data of each choice).</extracomment>
        <translation>Oefening</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Duur</translation>
    </message>
    <message>
        <source>Every day</source>
        <translation>Elke dag</translation>
    </message>
    <message>
        <source>Weekdays</source>
        <translation>Doordeweeks</translation>
    </message>
    <message>
        <source>Chosen days</source>
        <translation>Gekozen dagen</translation>
    </message>
    <message>
        <source>Some days a week</source>
        <translation>Een paar dagen per week</translation>
    </message>
    <message>
        <source>once a week</source>
        <translation>één keer per week</translation>
    </message>
    <message>
        <source>twice a week</source>
        <translation>twee keer per week</translation>
    </message>
    <message>
        <source>%1 times a week</source>
        <translation>%1 keer per week</translation>
    </message>
    <message>
        <source>How often</source>
        <translation>Hoe vaak</translation>
    </message>
    <message>
        <source>A reminder at</source>
        <translation>Herinnering om</translation>
    </message>
    <message>
        <source>A note, if you like: when or how</source>
        <translation>Een opmerking, als je wilt: wanneer of hoe</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Weghalen</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Opmerking</translation>
    </message>
    <message>
        <source>Tick at least one day for practice %1.</source>
        <translation>Vink minstens één dag aan voor oefening %1.</translation>
    </message>
    <message>
        <source>Practice %1 of the plan</source>
        <translation>Oefening %1 van het plan</translation>
    </message>
    <message>
        <source>Which practice, how long and how often</source>
        <translation>Welke oefening, hoe lang en hoe vaak</translation>
    </message>
    <message>
        <source>Practice %1</source>
        <translation>Oefening %1</translation>
    </message>
    <message>
        <source>Which practice to do</source>
        <translation>Welke oefening</translation>
    </message>
    <message>
        <source>Length of practice %1</source>
        <translation>Duur van oefening %1</translation>
    </message>
    <message>
        <source>How long it lasts</source>
        <translation>Hoe lang die duurt</translation>
    </message>
    <message>
        <source>How often, practice %1</source>
        <translation>Hoe vaak, oefening %1</translation>
    </message>
    <message>
        <source>How often to do it</source>
        <translation>Hoe vaak die gedaan wordt</translation>
    </message>
    <message>
        <source>, practice %1</source>
        <translation>, oefening %1</translation>
    </message>
    <message>
        <source>Ticked: do it on this day</source>
        <translation>Aangevinkt: op deze dag doen</translation>
    </message>
    <message>
        <source>Times a week, practice %1</source>
        <translation>Keer per week, oefening %1</translation>
    </message>
    <message>
        <source>How many times a week, on any days</source>
        <translation>Hoeveel keer per week, op dagen naar keuze</translation>
    </message>
    <message>
        <source>A reminder, practice %1</source>
        <translation>Herinnering, oefening %1</translation>
    </message>
    <message>
        <source>Ticked: a gentle reminder at the time beside it</source>
        <translation>Aangevinkt: een zachte herinnering op de tijd ernaast</translation>
    </message>
    <message>
        <source>Reminder time, practice %1</source>
        <translation>Tijd van de herinnering, oefening %1</translation>
    </message>
    <message>
        <source>Time of day</source>
        <translation>Tijdstip</translation>
    </message>
    <message>
        <source>Note for practice %1</source>
        <translation>Opmerking bij oefening %1</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Optioneel</translation>
    </message>
    <message>
        <source>Remove practice %1</source>
        <translation>Oefening %1 weghalen</translation>
    </message>
    <message>
        <source>Take it out of the plan</source>
        <translation>Uit het plan halen</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Its own: about %1</source>
        <translation>Eigen duur: ongeveer %1</translation>
    </message>
    <message>
        <source>Its own length</source>
        <translation>Eigen duur</translation>
    </message>
</context>
<context>
    <name>PlansHost</name>
    <message>
        <source>Time for %1, as your plan suggests.</source>
        <extracomment>A reminder is due: (practice id, the words for the window&apos;s notice). The person clicked a reminder: the window comes forward, on Today.</extracomment>
        <translation>Tijd voor %1, zoals je plan voorstelt.</translation>
    </message>
</context>
<context>
    <name>PlayerView</name>
    <message>
        <source>Player</source>
        <extracomment>Repaint interval while playing: smooth enough for a breathing circle. With reduced motion nothing needs to move smoothly; a calmer rate is plenty.</extracomment>
        <translation>Speler</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Onderdeel</translation>
    </message>
    <message>
        <source>I need a pause</source>
        <translation>Ik heb even pauze nodig</translation>
    </message>
    <message>
        <source>Pause and take a moment to ground yourself</source>
        <translation>Pauzeren en even tot rust komen</translation>
    </message>
    <message>
        <source>What to do now</source>
        <translation>Wat je nu doet</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Vraag</translation>
    </message>
    <message>
        <source>Scroll the question</source>
        <translation>Door de vraag scrollen</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Verder</translation>
    </message>
    <message>
        <source>Go on with the practice</source>
        <translation>Verdergaan met de oefening</translation>
    </message>
    <message>
        <source>Time practised</source>
        <translation>Geoefende tijd</translation>
    </message>
    <message>
        <source>Time remaining</source>
        <translation>Resterende tijd</translation>
    </message>
    <message>
        <source>Go to the previous section</source>
        <translation>Naar het vorige onderdeel</translation>
    </message>
    <message>
        <source>Previous section</source>
        <translation>Vorig onderdeel</translation>
    </message>
    <message>
        <source>Go to the previous step</source>
        <translation>Naar de vorige stap</translation>
    </message>
    <message>
        <source>Previous step</source>
        <translation>Vorige stap</translation>
    </message>
    <message>
        <source>Begin</source>
        <translation>Beginnen</translation>
    </message>
    <message>
        <source>Play or pause</source>
        <translation>Afspelen of pauzeren</translation>
    </message>
    <message>
        <source>Go to the next step</source>
        <translation>Naar de volgende stap</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Volgende stap</translation>
    </message>
    <message>
        <source>Go to the next section</source>
        <translation>Naar het volgende onderdeel</translation>
    </message>
    <message>
        <source>Next section</source>
        <translation>Volgend onderdeel</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <source>End the practice</source>
        <translation>Stoppen met de oefening</translation>
    </message>
    <message>
        <source>Voice on</source>
        <translation>Voorlezen: aan</translation>
    </message>
    <message>
        <source>Turn the spoken voice on or off</source>
        <translation>De gesproken stem aan- of uitzetten</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Volume</translation>
    </message>
    <message>
        <source>How loud the practice sounds</source>
        <translation>Hoe hard de oefening klinkt</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>Dempen</translation>
    </message>
    <message>
        <source>Silence all sound, or bring it back (M)</source>
        <translation>Alle geluid dempen, of het weer aanzetten (M)</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>Volledig scherm</translation>
    </message>
    <message>
        <source>Fill the screen, or go back (F11)</source>
        <translation>Het hele scherm vullen, of weer terug (F11)</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>Melding</translation>
    </message>
    <message>
        <source>End this practice? What you answered is kept.</source>
        <translation>Wil je stoppen met deze oefening? Je antwoorden blijven bewaard.</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <source>End the practice now</source>
        <translation>De oefening nu beëindigen</translation>
    </message>
    <message>
        <source>Keep going</source>
        <translation>Doorgaan</translation>
    </message>
    <message>
        <source>Go back to the practice</source>
        <translation>Terug naar de oefening</translation>
    </message>
    <message>
        <source>Unmute</source>
        <translation>Geluid aan</translation>
    </message>
    <message>
        <source>Sound muted. Press M to hear it again.</source>
        <translation>Geluid gedempt. Druk op M om het weer te horen.</translation>
    </message>
    <message>
        <source>Voice off</source>
        <translation>Voorlezen: uit</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pauzeren</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Hervatten</translation>
    </message>
</context>
<context>
    <name>PracticeEditor</name>
    <message>
        <source>Write a practice · Attune</source>
        <extracomment>Typing pauses this long before the text is checked again. ... and this long before it is kept in the draft. For a copy of another&apos;s practice: the folder its clips and images are in.</extracomment>
        <translation>Oefening schrijven · Attune</translation>
    </message>
    <message>
        <source>Practice editor</source>
        <translation>Oefeningeditor</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <source>Practice text (YAML)</source>
        <translation>Tekst van de oefening (YAML)</translation>
    </message>
    <message>
        <source>Problems are underlined; hover for the message. Tab moves on.</source>
        <translation>Problemen zijn onderstreept; wijs ze aan met de muis voor de melding. Tab gaat verder.</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nieuw</translation>
    </message>
    <message>
        <source>Start from a template, one for each kind (Ctrl+N)</source>
        <translation>Beginnen vanuit een sjabloon, één voor elke soort (Ctrl+N)</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Sjablonen</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>Openen…</translation>
    </message>
    <message>
        <source>Open a practice file (Ctrl+O)</source>
        <translation>Een oefenbestand openen (Ctrl+O)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
    <message>
        <source>Save to your practices (Ctrl+S)</source>
        <translation>Opslaan bij je oefeningen (Ctrl+S)</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Voorbeeld</translation>
    </message>
    <message>
        <source>Play it in the player (F5)</source>
        <translation>Afspelen in de speler (F5)</translation>
    </message>
    <message>
        <source>Render audio…</source>
        <translation>Audio maken…</translation>
    </message>
    <message>
        <source>Save what a person would hear as a sound file</source>
        <translation>Wat iemand zou horen, opslaan als geluidsbestand</translation>
    </message>
    <message>
        <source>A new practice from the template for %1. Give it its own id and title; the comments in it say how.</source>
        <translation>Een nieuwe oefening vanuit het sjabloon voor %1. Geef de oefening een eigen id en titel; de opmerkingen erin leggen uit hoe.</translation>
    </message>
    <message>
        <source>Opened %1.</source>
        <translation>%1 geopend.</translation>
    </message>
    <message>
        <source>A copy of %1. Saved, it goes to your practices and is shown in place of the original; give it a new id to keep both.</source>
        <translation>Een kopie van %1. Als je die opslaat, komt die bij je oefeningen en zie je die in plaats van het origineel; geef de kopie een nieuwe id om beide te houden.</translation>
    </message>
    <message>
        <source>%1 could not be opened (%2).</source>
        <translation>%1 kon niet worden geopend (%2).</translation>
    </message>
    <message>
        <source>%1 is not UTF-8 text. Open it in a text editor, save it as UTF-8, and open it here again.</source>
        <translation>%1 is geen UTF-8-tekst. Open het in een teksteditor, sla het op als UTF-8 en open het hier opnieuw.</translation>
    </message>
    <message>
        <source>Open a practice</source>
        <translation>Een oefening openen</translation>
    </message>
    <message>
        <source>Practices (*.yaml *.yml)</source>
        <translation>Oefeningen (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Niet-opgeslagen wijzigingen</translation>
    </message>
    <message>
        <source>Save the changes to this practice first?</source>
        <translation>Eerst de wijzigingen in deze oefening opslaan?</translation>
    </message>
    <message>
        <source>your practice &quot;%1&quot; (%2) has this id already, so this one would be left out of the Library; give it another id</source>
        <extracomment>The file name&apos;s stem while the text has no valid id.</extracomment>
        <translation>je oefening &quot;%1&quot; (%2) heeft deze id al, dus deze zou niet in de Bibliotheek komen; geef deze een andere id</translation>
    </message>
    <message>
        <source>&quot;%1&quot; (%2) has this id too; once saved, yours is shown in its place</source>
        <translation>&quot;%1&quot; (%2) heeft ook deze id; na het opslaan zie je de jouwe in plaats daarvan</translation>
    </message>
    <message>
        <source>Replace a practice?</source>
        <translation>Een oefening vervangen?</translation>
    </message>
    <message>
        <source>Your practices already have %1. Replace it?</source>
        <translation>Bij je oefeningen staat al %1. Wil je die vervangen?</translation>
    </message>
    <message>
        <source>It could not be saved (%1); your text is still here.</source>
        <translation>Opslaan lukte niet (%1); je tekst staat er nog.</translation>
    </message>
    <message>
        <source>Saved to %1, but these could not be copied beside it: %2.</source>
        <translation>Opgeslagen in %1, maar deze konden er niet naast worden gekopieerd: %2.</translation>
    </message>
    <message>
        <source>Saved to %1. It shows in your Library once the problems are fixed.</source>
        <translation>Opgeslagen in %1. De oefening verschijnt in je Bibliotheek zodra de problemen zijn opgelost.</translation>
    </message>
    <message>
        <source>Saved to %1. It is in your Library.</source>
        <translation>Opgeslagen in %1. De oefening staat in je Bibliotheek.</translation>
    </message>
    <message>
        <source>Your typing could not be kept in a draft (%1).</source>
        <translation>Wat je typt, kon niet in een concept worden bewaard (%1).</translation>
    </message>
    <message>
        <source>What you were writing last time is back; it is not saved yet.</source>
        <translation>Wat je de vorige keer aan het schrijven was, is terug; het is nog niet opgeslagen.</translation>
    </message>
    <message>
        <source>Fix the problems first; then it can be previewed.</source>
        <translation>Los eerst de problemen op; daarna kun je een voorbeeld bekijken.</translation>
    </message>
    <message>
        <source>Render audio</source>
        <translation>Audio maken</translation>
    </message>
    <message>
        <source>Which length?</source>
        <translation>Welke duur?</translation>
    </message>
    <message>
        <source>Sound files (*.wav *.flac *.ogg)</source>
        <translation>Geluidsbestanden (*.wav *.flac *.ogg)</translation>
    </message>
    <message>
        <source>It cannot be rendered as &quot;%1&quot;; use .wav, .flac or .ogg.</source>
        <extracomment>The file being rendered to, while rendering.</extracomment>
        <translation>Als &quot;%1&quot; kan het niet worden gemaakt; gebruik .wav, .flac of .ogg.</translation>
    </message>
    <message>
        <source>Rendering %1…</source>
        <translation>%1 wordt gemaakt…</translation>
    </message>
    <message>
        <source>Preparing the voice: %1 of %2 phrases</source>
        <translation>De stem wordt voorbereid: %1 van %2 zinnen</translation>
    </message>
    <message>
        <source>Rendered %1 of sound to %2.</source>
        <translation>%1 aan geluid opgeslagen in %2.</translation>
    </message>
    <message>
        <source>It could not be rendered: %1</source>
        <translation>Het kon niet worden gemaakt: %1</translation>
    </message>
    <message>
        <source>New practice</source>
        <translation>Nieuwe oefening</translation>
    </message>
    <message>
        <source>not saved yet</source>
        <translation>nog niet opgeslagen</translation>
    </message>
    <message>
        <source>Unsaved changes. </source>
        <translation>Niet-opgeslagen wijzigingen. </translation>
    </message>
    <message>
        <source>Line %1, column %2</source>
        <translation>Regel %1, kolom %2</translation>
    </message>
</context>
<context>
    <name>PracticeKinds</name>
    <message>
        <source>Breathing</source>
        <translation>Ademhaling</translation>
    </message>
    <message>
        <source>Focusing</source>
        <translation>Focusing</translation>
    </message>
    <message>
        <source>Self-compassion</source>
        <translation>Zelfcompassie</translation>
    </message>
    <message>
        <source>Guided imagery</source>
        <translation>Geleide verbeelding</translation>
    </message>
    <message>
        <source>Mindfulness</source>
        <translation>Mindfulness</translation>
    </message>
    <message>
        <source>Body awareness</source>
        <translation>Lichaamsbewustzijn</translation>
    </message>
    <message>
        <source>Grounding</source>
        <translation>Aarden</translation>
    </message>
    <message>
        <source>Relational</source>
        <translation>Relaties</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Overig</translation>
    </message>
</context>
<context>
    <name>Preferences</name>
    <message>
        <source>Your settings could not be saved (%1). They apply until you close Attune.</source>
        <extracomment>A problem for the window&apos;s notice. Attune&apos;s language was changed: everything on screen is to be made anew. The tools for therapists were switched on or off.</extracomment>
        <translation>Je instellingen konden niet worden opgeslagen (%1). Ze gelden tot je Attune sluit.</translation>
    </message>
    <message>
        <source>Starting at login could not be changed (%1).</source>
        <translation>Starten bij inloggen kon niet worden aangepast (%1).</translation>
    </message>
</context>
<context>
    <name>ProblemsDialog</name>
    <message>
        <source>Problems in practice files</source>
        <translation>Problemen in oefenbestanden</translation>
    </message>
    <message numerus="yes">
        <source>%n files could not be loaded</source>
        <translation>
            <numerusform>%n bestand kon niet worden geladen</numerusform>
            <numerusform>%n bestanden konden niet worden geladen</numerusform>
        </translation>
    </message>
    <message>
        <source>Fix these lines and save; the library updates by itself.</source>
        <translation>Verbeter deze regels en sla op; de bibliotheek werkt zichzelf bij.</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problemen</translation>
    </message>
    <message>
        <source>Each problem as file:line:column: what is wrong</source>
        <translation>Elk probleem als bestand:regel:kolom: wat er mis is</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Opmerkingen</translation>
    </message>
    <message>
        <source>Practices that share an id: only one of them is used.</source>
        <translation>Oefeningen met dezelfde id: er wordt er maar één van gebruikt.</translation>
    </message>
    <message>
        <source>Practices that share an id, as file:line:column: note</source>
        <translation>Oefeningen met dezelfde id, als bestand:regel:kolom: opmerking</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>Close this list of problems</source>
        <translation>Deze lijst met problemen sluiten</translation>
    </message>
</context>
<context>
    <name>ProblemsPane</name>
    <message>
        <source>Problems</source>
        <extracomment>Where a row points in the text: (line, column).</extracomment>
        <translation>Problemen</translation>
    </message>
    <message>
        <source>Problems found</source>
        <translation>Gevonden problemen</translation>
    </message>
    <message>
        <source>Problems, with line and column</source>
        <translation>Problemen, met regel en kolom</translation>
    </message>
    <message>
        <source>Enter or a click goes to the place in the text</source>
        <translation>Enter of een klik gaat naar de plek in de tekst</translation>
    </message>
    <message>
        <source>None. The practice is ready to preview.</source>
        <translation>Geen. De oefening is klaar voor een voorbeeld.</translation>
    </message>
    <message numerus="yes">
        <source>%n things to fix before it can be played.</source>
        <translation>
            <numerusform>Eén ding om op te lossen voordat de oefening kan worden afgespeeld.</numerusform>
            <numerusform>%n dingen om op te lossen voordat de oefening kan worden afgespeeld.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to fix; a note worth reading.</source>
        <translation>Niets op te lossen; wel een opmerking die het lezen waard is.</translation>
    </message>
</context>
<context>
    <name>ProgressTrack</name>
    <message>
        <source>Progress</source>
        <translation>Voortgang</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 van %2</translation>
    </message>
    <message>
        <source>the practice</source>
        <translation>de oefening</translation>
    </message>
</context>
<context>
    <name>QuestionForm</name>
    <message>
        <source>You can skip any question.</source>
        <translation>Je kunt elke vraag overslaan.</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyPage</name>
    <message>
        <source>Your recovery key</source>
        <translation>Je herstelsleutel</translation>
    </message>
    <message>
        <source>If you forget your passphrase, this key opens your journal. It is shown only now: write it down, print it or save it, and keep it somewhere safe, away from this computer. If both the passphrase and this key are lost, no one can open your journal.</source>
        <translation>Als je je wachtwoordzin vergeet, opent deze sleutel je dagboek. Hij wordt alleen nu getoond: schrijf hem op, druk hem af of bewaar hem, en leg hem op een veilige plek, niet bij deze computer. Zijn de wachtwoordzin en deze sleutel allebei kwijt, dan kan niemand je dagboek openen.</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Herstelsleutel</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopiëren</translation>
    </message>
    <message>
        <source>Copy the key to paste it</source>
        <translation>De sleutel kopiëren om hem te plakken</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Afdrukken…</translation>
    </message>
    <message>
        <source>Print the key on paper</source>
        <translation>De sleutel op papier afdrukken</translation>
    </message>
    <message>
        <source>&amp;Save as a text file…</source>
        <translation>Als tekst&amp;bestand bewaren…</translation>
    </message>
    <message>
        <source>Save the key in a file you choose</source>
        <translation>De sleutel bewaren in een bestand dat je kiest</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Wat er gebeurde</translation>
    </message>
    <message>
        <source>I have &amp;written it down or saved it</source>
        <translation>Ik heb hem &amp;opgeschreven of bewaard</translation>
    </message>
    <message>
        <source>I have written it down or saved it</source>
        <translation>Ik heb hem opgeschreven of bewaard</translation>
    </message>
    <message>
        <source>Close is enabled once this is ticked</source>
        <translation>Sluiten kan zodra dit is aangevinkt</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>The key is not shown again</source>
        <translation>De sleutel wordt niet nog eens getoond</translation>
    </message>
    <message>
        <source>Copied. Paste it somewhere safe, then clear your clipboard.</source>
        <translation>Gekopieerd. Plak hem op een veilige plek en maak daarna je klembord leeg.</translation>
    </message>
    <message>
        <source>Attune recovery key

%1

This key opens your Attune journal if you forget your passphrase. Keep it somewhere safe, away from the computer: not beside the journal, not in the same synced folder.
Made on %2.
</source>
        <translation>Herstelsleutel van Attune

%1

Deze sleutel opent je Attune-dagboek als je je wachtwoordzin vergeet. Bewaar hem op een veilige plek, niet bij de computer: niet naast het dagboek, niet in dezelfde gesynchroniseerde map.
Gemaakt op %2.
</translation>
    </message>
    <message>
        <source>Not beside the journal: a key there opens it for anyone who copies both.</source>
        <translation>Niet naast het dagboek: een sleutel daar opent het voor iedereen die ze allebei kopieert.</translation>
    </message>
    <message>
        <source>Could not save: %1</source>
        <translation>Opslaan lukte niet: %1</translation>
    </message>
    <message>
        <source>Saved to %1. Keep it somewhere safe, away from this computer.</source>
        <translation>Bewaard in %1. Leg hem op een veilige plek, niet bij deze computer.</translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation>Naar de printer gestuurd.</translation>
    </message>
    <message>
        <source>Save the recovery key</source>
        <translation>De herstelsleutel bewaren</translation>
    </message>
</context>
<context>
    <name>ReminderService</name>
    <message>
        <source>Open Attune</source>
        <extracomment>A `core.reminders.Reminder` that has just been shown (or would have been). &quot;Open Attune&quot; chosen in the tray menu, or the tray message clicked. The reminder shown last and not yet snoozed or dismissed; the tray menu&apos;s Snooze and Dismiss act on it. At most one is visible at a time.</extracomment>
        <translation>Attune openen</translation>
    </message>
    <message>
        <source>Snooze 10 minutes</source>
        <translation>Over 10 minuten nog eens</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>Time for %1, as planned for %2.</source>
        <translation>Tijd voor %1, zoals gepland om %2.</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Report on %1</source>
        <translation>Verslag over %1</translation>
    </message>
    <message>
        <source>What to bring to your next session</source>
        <translation>Wat je meeneemt naar je volgende sessie</translation>
    </message>
    <message>
        <source>Heading</source>
        <translation>Kop</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Van</translation>
    </message>
    <message>
        <source>The first day to report on</source>
        <translation>De eerste dag van het verslag</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Tot en met</translation>
    </message>
    <message>
        <source>The last day to report on</source>
        <translation>De laatste dag van het verslag</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Van</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>&amp;Tot en met</translation>
    </message>
    <message>
        <source>Your written answers stay private unless you tick them here. The preview shows exactly what will be saved.</source>
        <translation>Je geschreven antwoorden blijven privé, tenzij je ze hier aanvinkt. Het voorbeeld laat precies zien wat er wordt opgeslagen.</translation>
    </message>
    <message>
        <source>About reflections</source>
        <translation>Over reflecties</translation>
    </message>
    <message>
        <source>Reflections to include</source>
        <translation>Reflecties om mee te nemen</translation>
    </message>
    <message>
        <source>Space ticks or unticks the one with focus; none is ticked at first</source>
        <translation>Met de spatiebalk vink je het geselecteerde item aan of uit; in het begin is niets aangevinkt</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Voorbeeld</translation>
    </message>
    <message>
        <source>The report as it will be saved</source>
        <translation>Het verslag zoals het wordt opgeslagen</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Wat er gebeurde</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Formaat</translation>
    </message>
    <message>
        <source>The kind of file to save</source>
        <translation>Het soort bestand dat wordt opgeslagen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Close without saving</source>
        <translation>Sluiten zonder op te slaan</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Opslaan…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
    <message>
        <source>Choose where to save the report</source>
        <translation>Kies waar je het verslag opslaat</translation>
    </message>
    <message>
        <source>%1 of %2 planned sessions done</source>
        <translation>%1 van %2 geplande oefenmomenten gedaan</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>Het verslag opslaan</translation>
    </message>
</context>
<context>
    <name>SavingDialog</name>
    <message>
        <source>Saving…</source>
        <translation>Bezig met opslaan…</translation>
    </message>
    <message>
        <source>Could not save: %1</source>
        <translation>Opslaan lukte niet: %1</translation>
    </message>
</context>
<context>
    <name>ScaleQuestionWidget</name>
    <message>
        <source>%1 (scale from %2 to %3)</source>
        <extracomment>A scale nobody has answered yet hides the theme&apos;s handle; `_ScaleSlider` draws a hollow ring in its place, so it does not look like a value. Two digits typed within this many seconds make one number (&quot;1&quot;, &quot;0&quot; -&gt; 10).</extracomment>
        <translation>%1 (schaal van %2 tot %3)</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Wissen</translation>
    </message>
    <message>
        <source>Clear the answer to: %1</source>
        <translation>Het antwoord wissen op: %1</translation>
    </message>
    <message>
        <source>Leaves this question unanswered</source>
        <translation>Laat deze vraag onbeantwoord</translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation>Niet beantwoord</translation>
    </message>
    <message>
        <source>Not answered. Use the arrow keys, Home and End, or type a number, to answer.</source>
        <translation>Niet beantwoord. Antwoord met de pijltjestoetsen, Home en End, of typ een getal.</translation>
    </message>
    <message>
        <source>Your answer: %1. Press Delete to clear it.</source>
        <translation>Je antwoord: %1. Druk op Delete om het te wissen.</translation>
    </message>
    <message>
        <source>The answer to: %1</source>
        <translation>Het antwoord op: %1</translation>
    </message>
</context>
<context>
    <name>SessionHost</name>
    <message>
        <source>This practice could not be prepared: %1</source>
        <extracomment>How long typing rests before what is written after a practice is kept as a draft. A screen of the practice is to be shown (the area holds it). The practice is over and its screens are gone. Something the person should know, in the window&apos;s notice. A practice was done to the end (its id). The player ended while full screen: back to a window.</extracomment>
        <translation>Deze oefening kon niet worden voorbereid: %1</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <source>Settings</source>
        <extracomment>The widest the page&apos;s column grows; wider lines are harder to read. A new `Settings`, after every change the person makes. The person confirmed &quot;Delete all my data&quot;. &quot;Start Attune when I log in&quot; (Linux) was switched on or off. &quot;Lock my journal&quot; was switched: True to turn the lock on, False to turn it off. The switch shows the journal&apos;s real state again at once; the window opens the dialog that does it and calls `set_journal_locked` when it is done. &quot;Change passphrase…&quot; was pressed (only offered while the journal is locked).</extracomment>
        <translation>Instellingen</translation>
    </message>
    <message>
        <source>Changes take effect at once and are saved as you make them.</source>
        <translation>Wijzigingen werken meteen en worden direct bewaard.</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Weergave</translation>
    </message>
    <message>
        <source>Text size can also be changed at any time with Ctrl+= and Ctrl+-.</source>
        <translation>Je kunt de tekstgrootte ook altijd aanpassen met Ctrl+= en Ctrl+-.</translation>
    </message>
    <message>
        <source>Lang&amp;uage</source>
        <translation>&amp;Taal</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Taal</translation>
    </message>
    <message>
        <source>The language of Attune&apos;s words, and of practices that have it; by default your computer&apos;s</source>
        <translation>De taal van Attune, en van oefeningen die in die taal bestaan; standaard die van je computer</translation>
    </message>
    <message>
        <source>Same as the system (%1)</source>
        <translation>Zoals het systeem (%1)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>T&amp;hema</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Thema</translation>
    </message>
    <message>
        <source>Light or dark colours, or the same as your computer</source>
        <translation>Lichte of donkere kleuren, of hetzelfde als je computer</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>Zoals het systeem</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Licht</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Donker</translation>
    </message>
    <message>
        <source>Te&amp;xt size</source>
        <translation>Te&amp;kstgrootte</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>Tekstgrootte</translation>
    </message>
    <message>
        <source>How large text is throughout Attune, from 75% to 200%</source>
        <translation>Hoe groot de tekst overal in Attune is, van 75% tot 200%</translation>
    </message>
    <message>
        <source>&amp;Motion</source>
        <translation>&amp;Beweging</translation>
    </message>
    <message>
        <source>Motion</source>
        <translation>Beweging</translation>
    </message>
    <message>
        <source>Whether the breathing circle and other animations move less; by default this follows your computer&apos;s setting</source>
        <translation>Of de ademcirkel en andere animaties minder bewegen; standaard volgt dit de instelling van je computer</translation>
    </message>
    <message>
        <source>Always reduce motion</source>
        <translation>Altijd minder beweging</translation>
    </message>
    <message>
        <source>Don&apos;t reduce motion</source>
        <translation>Beweging niet beperken</translation>
    </message>
    <message>
        <source>Voice</source>
        <translation>Stem</translation>
    </message>
    <message>
        <source>These are your defaults; you can still choose before each practice.</source>
        <translation>Dit zijn je standaardkeuzes; voor elke oefening kun je nog anders kiezen.</translation>
    </message>
    <message>
        <source>Read practices aloud</source>
        <translation>Oefeningen voorlezen</translation>
    </message>
    <message>
        <source>Narration</source>
        <translation>Voorlezen</translation>
    </message>
    <message>
        <source>Whether practices are read aloud, unless you choose otherwise before one</source>
        <translation>Of oefeningen worden voorgelezen, tenzij je voor een oefening anders kiest</translation>
    </message>
    <message>
        <source>&amp;Narration</source>
        <translation>&amp;Voorlezen</translation>
    </message>
    <message>
        <source>Speaking &amp;pace</source>
        <translation>&amp;Spreektempo</translation>
    </message>
    <message>
        <source>Speaking pace</source>
        <translation>Spreektempo</translation>
    </message>
    <message>
        <source>How fast the voice speaks: from half to twice a practice&apos;s own pace</source>
        <translation>Hoe snel de stem spreekt: van half zo snel tot twee keer zo snel als het eigen tempo van een oefening</translation>
    </message>
    <message>
        <source>&amp;English voice</source>
        <translation>&amp;Engelse stem</translation>
    </message>
    <message>
        <source>English voice</source>
        <translation>Engelse stem</translation>
    </message>
    <message>
        <source>The voice that reads practices in English</source>
        <translation>De stem die oefeningen in het Engels voorleest</translation>
    </message>
    <message>
        <source>&amp;Dutch voice</source>
        <translation>&amp;Nederlandse stem</translation>
    </message>
    <message>
        <source>Dutch voice</source>
        <translation>Nederlandse stem</translation>
    </message>
    <message>
        <source>The voice that reads practices in Dutch</source>
        <translation>De stem die oefeningen in het Nederlands voorleest</translation>
    </message>
    <message>
        <source>Volumes</source>
        <translation>Volume</translation>
    </message>
    <message>
        <source>These balance the sounds of a practice; your computer&apos;s own volume still sets how loud it is overall.</source>
        <translation>Hiermee breng je de geluiden van een oefening in balans; het volume van je computer bepaalt nog steeds hoe hard alles samen klinkt.</translation>
    </message>
    <message>
        <source>&amp;Voice</source>
        <translation>Ste&amp;m</translation>
    </message>
    <message>
        <source>Voice volume</source>
        <translation>Volume van de stem</translation>
    </message>
    <message>
        <source>How loud the spoken words are</source>
        <translation>Hoe hard de gesproken woorden klinken</translation>
    </message>
    <message>
        <source>&amp;Bells and tones</source>
        <translation>Be&amp;llen en tonen</translation>
    </message>
    <message>
        <source>Bells and tones volume</source>
        <translation>Volume van bellen en tonen</translation>
    </message>
    <message>
        <source>How loud the bells and breathing tones are</source>
        <translation>Hoe hard de bellen en ademtonen klinken</translation>
    </message>
    <message>
        <source>Back&amp;ground</source>
        <translation>&amp;Achtergrond</translation>
    </message>
    <message>
        <source>Background volume</source>
        <translation>Volume van de achtergrond</translation>
    </message>
    <message>
        <source>How loud background sounds, such as rain, are</source>
        <translation>Hoe hard achtergrondgeluiden zoals regen klinken</translation>
    </message>
    <message>
        <source>Journal</source>
        <translation>Dagboek</translation>
    </message>
    <message>
        <source>Streaks count the days in a row you practised. They are off unless you want them: many people find counting days more stressful than helpful.</source>
        <translation>Dagen op rij tellen hoeveel dagen achter elkaar je hebt geoefend. Dit staat uit, tenzij je het wilt: veel mensen vinden dagen tellen eerder stressvol dan helpend.</translation>
    </message>
    <message>
        <source>Show days in a row in Insights</source>
        <translation>Dagen op rij tonen bij Inzichten</translation>
    </message>
    <message>
        <source>Streaks</source>
        <translation>Dagen op rij</translation>
    </message>
    <message>
        <source>Show how many days in a row you practised</source>
        <translation>Tonen hoeveel dagen op rij je hebt geoefend</translation>
    </message>
    <message>
        <source>Strea&amp;ks</source>
        <translation>&amp;Dagen op rij</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Privacy</translation>
    </message>
    <message>
        <source>Locking encrypts your journal, its daily copies and your unsaved answers, so someone who opens this computer&apos;s account, a backup disk or a synced folder cannot read them. Attune then asks for your passphrase each time it starts. You get a recovery key, shown once, to write down or print. If you forget both the passphrase and the recovery key, your journal is lost, with no way back.</source>
        <translation>Vergrendelen versleutelt je dagboek, de dagelijkse kopieën en je nog niet bewaarde antwoorden, zodat iemand die het account op deze computer, een back-upschijf of een gesynchroniseerde map opent ze niet kan lezen. Attune vraagt dan bij elke start om je wachtwoordzin. Je krijgt een herstelsleutel, één keer getoond, om op te schrijven of af te drukken. Vergeet je zowel de wachtwoordzin als de herstelsleutel, dan is je dagboek kwijt, zonder weg terug.</translation>
    </message>
    <message>
        <source>Lock my journal</source>
        <translation>Mijn dagboek vergrendelen</translation>
    </message>
    <message>
        <source>Encrypt the journal with a passphrase; asks before anything changes</source>
        <translation>Het dagboek met een wachtwoordzin versleutelen; vraagt het eerst voordat er iets verandert</translation>
    </message>
    <message>
        <source>&amp;Journal lock</source>
        <translation>&amp;Dagboekvergrendeling</translation>
    </message>
    <message>
        <source>Change passphrase…</source>
        <translation>Wachtwoordzin wijzigen…</translation>
    </message>
    <message>
        <source>Change passphrase</source>
        <translation>Wachtwoordzin wijzigen</translation>
    </message>
    <message>
        <source>Choose a new passphrase, with the current one or the recovery key</source>
        <translation>Een nieuwe wachtwoordzin kiezen, met de huidige of de herstelsleutel</translation>
    </message>
    <message>
        <source>Passph&amp;rase</source>
        <translation>&amp;Wachtwoordzin</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>Herinneringen</translation>
    </message>
    <message>
        <source>Start Attune when I log in</source>
        <translation>Attune starten als ik inlog</translation>
    </message>
    <message>
        <source>Start at login</source>
        <translation>Starten bij inloggen</translation>
    </message>
    <message>
        <source>Open Attune when you log in, so your plan&apos;s reminders can reach you</source>
        <translation>Attune openen als je inlogt, zodat de herinneringen van je plan je kunnen bereiken</translation>
    </message>
    <message>
        <source>&amp;Login</source>
        <translation>&amp;Inloggen</translation>
    </message>
    <message>
        <source>For therapists</source>
        <translation>Voor therapeuten</translation>
    </message>
    <message>
        <source>Tools to write your own practices, make plans, and hand them over as a pack. They stay out of sight until you want them.</source>
        <translation>Hulpmiddelen om je eigen oefeningen te schrijven, plannen te maken en die als pakket mee te geven. Ze blijven uit beeld tot je ze wilt gebruiken.</translation>
    </message>
    <message>
        <source>Show tools for writing practices and plans</source>
        <translation>Hulpmiddelen tonen om oefeningen en plannen te schrijven</translation>
    </message>
    <message>
        <source>Tools for therapists</source>
        <translation>Hulpmiddelen voor therapeuten</translation>
    </message>
    <message>
        <source>Write a practice, Make a plan and Make a pack in the menu, and Edit in the Library</source>
        <translation>Oefening schrijven, Plan maken en Pakket maken in het menu, en Bewerken in de Bibliotheek</translation>
    </message>
    <message>
        <source>T&amp;ools</source>
        <translation>Hul&amp;pmiddelen</translation>
    </message>
    <message>
        <source>Your data</source>
        <translation>Je gegevens</translation>
    </message>
    <message>
        <source>Everything Attune keeps stays on this computer. You can delete it all: your journal and its backups, unfinished reflections, the prepared voice and sounds, and these settings. Your own practice files are not touched.</source>
        <translation>Alles wat Attune bewaart, blijft op deze computer. Je kunt het allemaal verwijderen: je dagboek en de reservekopieën ervan, onafgemaakte reflecties, de voorbereide stem en geluiden, en deze instellingen. Je eigen oefenbestanden blijven onaangeroerd.</translation>
    </message>
    <message>
        <source>Delete all my data…</source>
        <translation>Al mijn gegevens verwijderen…</translation>
    </message>
    <message>
        <source>Delete all my data</source>
        <translation>Al mijn gegevens verwijderen</translation>
    </message>
    <message>
        <source>Asks once more before anything is deleted</source>
        <translation>Vraagt het nog één keer voordat er iets wordt verwijderd</translation>
    </message>
    <message>
        <source>This deletes your journal for good. It cannot be undone.</source>
        <translation>Hiermee verwijder je je dagboek voorgoed. Dit kan niet ongedaan worden gemaakt.</translation>
    </message>
    <message>
        <source>Delete everything</source>
        <translation>Alles verwijderen</translation>
    </message>
    <message>
        <source>Delete the journal, caches and settings now</source>
        <translation>Het dagboek, de tijdelijke bestanden en de instellingen nu verwijderen</translation>
    </message>
    <message>
        <source>Keep my data</source>
        <translation>Mijn gegevens bewaren</translation>
    </message>
    <message>
        <source>Delete nothing</source>
        <translation>Niets verwijderen</translation>
    </message>
    <message>
        <source>Scroll the settings</source>
        <translation>Door de instellingen scrollen</translation>
    </message>
    <message>
        <source>Scroll the settings sideways</source>
        <translation>Zijwaarts door de instellingen scrollen</translation>
    </message>
    <message>
        <source>Shows the rest of the settings</source>
        <translation>Laat de rest van de instellingen zien</translation>
    </message>
    <message>
        <source>Automatic</source>
        <extracomment>(voice id, name, languages), as the speech service lists them. The data of the &quot;Automatic&quot; voice item.</extracomment>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>Other voices</source>
        <translation>Andere stemmen</translation>
    </message>
    <message>
        <source>%1 (not found)</source>
        <translation>%1 (niet gevonden)</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Slower</source>
        <translation>Langzamer</translation>
    </message>
    <message>
        <source>Faster</source>
        <translation>Sneller</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normaal</translation>
    </message>
    <message>
        <source>%1 (%2×)</source>
        <translation>%1 (%2×)</translation>
    </message>
    <message>
        <source>Reminders come while Attune is running. To start it when you log in, press Windows+R, type shell:startup and press Enter, then put a shortcut to Attune in the folder that opens.</source>
        <translation>Herinneringen komen zolang Attune draait. Wil je dat Attune start als je inlogt? Druk op Windows+R, typ shell:startup en druk op Enter; zet daarna een snelkoppeling naar Attune in de map die opengaat.</translation>
    </message>
    <message>
        <source>Reminders come while Attune is running. To start it when you log in, open System Settings, General, Login Items, and add Attune.</source>
        <translation>Herinneringen komen zolang Attune draait. Wil je dat Attune start als je inlogt? Open Systeeminstellingen, Algemeen, Inlogonderdelen, en voeg Attune toe.</translation>
    </message>
    <message>
        <source>Reminders come while Attune is running. Attune can start when you log in; most Linux desktops follow this setting.</source>
        <translation>Herinneringen komen zolang Attune draait. Attune kan starten als je inlogt; de meeste Linux-bureaubladen volgen deze instelling.</translation>
    </message>
</context>
<context>
    <name>TextQuestionWidget</name>
    <message>
        <source>%1 (your answer)</source>
        <translation>%1 (jouw antwoord)</translation>
    </message>
    <message>
        <source>Write as much or as little as you like; leave it empty to skip.</source>
        <translation>Schrijf zoveel of zo weinig als je wilt; laat het leeg om over te slaan.</translation>
    </message>
</context>
<context>
    <name>TodayView</name>
    <message>
        <source>Today</source>
        <extracomment>The Start buttons shown, in order (for tests and keyboard order). The week rows shown, one per active plan, each with its key under it. Why what was done cannot be shown, and what to do (&quot;&quot; when it can).</extracomment>
        <translation>Vandaag</translation>
    </message>
    <message>
        <source>Your journal could not be read just now, so nothing shows as done.</source>
        <translation>Je dagboek kon zojuist niet gelezen worden, dus niets staat als gedaan.</translation>
    </message>
    <message>
        <source>Your journal is not available</source>
        <translation>Je dagboek is niet beschikbaar</translation>
    </message>
    <message>
        <source>Plan: %1</source>
        <translation>Plan: %1</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>van %1</translation>
    </message>
    <message>
        <source>Message from %1</source>
        <translation>Bericht van %1</translation>
    </message>
    <message>
        <source>Contact: %1</source>
        <translation>Contact: %1</translation>
    </message>
    <message>
        <source>Nothing is asked of you today.</source>
        <translation>Vandaag wordt er niets van je gevraagd.</translation>
    </message>
    <message>
        <source>Report for your next session…</source>
        <translation>Verslag voor je volgende sessie…</translation>
    </message>
    <message>
        <source>Report on %1</source>
        <translation>Verslag over %1</translation>
    </message>
    <message>
        <source>What you did and how it went, to bring to your therapist</source>
        <translation>Wat je deed en hoe het ging, om mee te nemen naar je therapeut</translation>
    </message>
    <message>
        <source>not available</source>
        <translation>niet beschikbaar</translation>
    </message>
    <message>
        <source>at %1</source>
        <translation>om %1</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Opmerking: %1</translation>
    </message>
    <message>
        <source>%1 of %2 this week</source>
        <translation>%1 van %2 deze week</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Gedaan</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>Nog niet</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Deze week</translation>
    </message>
    <message>
        <source>This week of %1</source>
        <translation>Deze week van %1</translation>
    </message>
    <message>
        <source>Filled circle</source>
        <translation>Gevulde cirkel</translation>
    </message>
    <message>
        <source>done</source>
        <translation>gedaan</translation>
    </message>
    <message>
        <source>Ring</source>
        <translation>Ring</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>gepland</translation>
    </message>
    <message>
        <source>Light dot</source>
        <translation>Lichte stip</translation>
    </message>
    <message>
        <source>any day this week</source>
        <translation>op een dag naar keuze deze week</translation>
    </message>
    <message>
        <source>Small faint dot</source>
        <translation>Kleine vage stip</translation>
    </message>
    <message>
        <source>nothing asked that day</source>
        <translation>niets gepland</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Key to the week</source>
        <translation>Legenda van de week</translation>
    </message>
    <message>
        <source>%1 done</source>
        <extracomment>How strong the light dot of &quot;any day this week&quot; is, against a done mark. And of the small dot of a day that asks nothing (muted text, so it shows on the band).</extracomment>
        <translation>%1 gedaan</translation>
    </message>
    <message>
        <source>%1 to do</source>
        <translation>%1 te doen</translation>
    </message>
    <message>
        <source>%1 can be done any day this week, %2 more this week</source>
        <translation>%1 kan op een dag naar keuze, deze week nog %2 keer</translation>
    </message>
    <message>
        <source>nothing planned</source>
        <translation>niets gepland</translation>
    </message>
    <message>
        <source>%1 (today)</source>
        <translation>%1 (vandaag)</translation>
    </message>
    <message>
        <source>No plan at the moment</source>
        <translation>Op dit moment geen plan</translation>
    </message>
    <message>
        <source>When your therapist gives you a plan, it will show here. Until then, any practice is welcome.</source>
        <translation>Als je therapeut je een plan geeft, verschijnt het hier. Tot die tijd is elke oefening welkom.</translation>
    </message>
    <message>
        <source>Done recently</source>
        <translation>Onlangs gedaan</translation>
    </message>
    <message>
        <source>Short practices</source>
        <translation>Korte oefeningen</translation>
    </message>
    <message>
        <source>about %1</source>
        <translation>ongeveer %1</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Beginnen</translation>
    </message>
    <message>
        <source>Start %1</source>
        <translation>%1 beginnen</translation>
    </message>
    <message>
        <source>Starts %1, %2</source>
        <translation>Begint %1, %2</translation>
    </message>
    <message>
        <source>Starts %1</source>
        <translation>Begint %1</translation>
    </message>
</context>
<context>
    <name>TurnOffLockDialog</name>
    <message>
        <source>Turn off the lock</source>
        <translation>De vergrendeling uitzetten</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Wachtwoordzin</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Probleem</translation>
    </message>
    <message>
        <source>Keep it locked</source>
        <translation>Vergrendeld laten</translation>
    </message>
    <message>
        <source>Change nothing</source>
        <translation>Niets veranderen</translation>
    </message>
    <message>
        <source>&amp;Turn off the lock</source>
        <translation>De vergrendeling &amp;uitzetten</translation>
    </message>
    <message>
        <source>Store the journal unencrypted again</source>
        <translation>Het dagboek weer onversleuteld bewaren</translation>
    </message>
    <message>
        <source>Your journal and its copies will be stored unencrypted again: anyone who opens this computer&apos;s account, a backup disk or a synced folder can read them. Your recovery key will no longer be needed.</source>
        <translation>Je dagboek en de kopieën worden weer onversleuteld bewaard: iedereen die het account op deze computer, een back-upschijf of een gesynchroniseerde map opent, kan ze lezen. Je herstelsleutel is dan niet meer nodig.</translation>
    </message>
    <message>
        <source>Type your passphrase or your recovery key first.</source>
        <translation>Typ eerst je wachtwoordzin of je herstelsleutel.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Bezig met controleren…</translation>
    </message>
    <message>
        <source>Storing your journal unencrypted…
You can go on using Attune.</source>
        <translation>Je dagboek wordt onversleuteld bewaard…
Je kunt Attune gewoon blijven gebruiken.</translation>
    </message>
    <message>
        <source>The lock is still on: %1</source>
        <translation>De vergrendeling staat nog aan: %1</translation>
    </message>
</context>
<context>
    <name>TurnOnLockDialog</name>
    <message>
        <source>Lock my journal</source>
        <translation>Mijn dagboek vergrendelen</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Probleem</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Leave the journal as it is</source>
        <translation>Het dagboek laten zoals het is</translation>
    </message>
    <message>
        <source>&amp;Lock my journal</source>
        <translation>Mijn dagboek &amp;vergrendelen</translation>
    </message>
    <message>
        <source>Encrypt the journal with this passphrase</source>
        <translation>Het dagboek met deze wachtwoordzin versleutelen</translation>
    </message>
    <message>
        <source>Your journal, its daily copies and your unsaved answers will be encrypted. Someone who opens this computer&apos;s account, a backup disk or a synced folder cannot read them. Attune asks for the passphrase each time it starts.</source>
        <translation>Je dagboek, de dagelijkse kopieën en je nog niet bewaarde antwoorden worden versleuteld. Iemand die het account op deze computer, een back-upschijf of een gesynchroniseerde map opent, kan ze niet lezen. Attune vraagt bij elke start om de wachtwoordzin.</translation>
    </message>
    <message>
        <source>Next you get a recovery key, shown once, to write down or print. If you forget both the passphrase and the recovery key, your journal is lost: no one can open it, and there is no way back.</source>
        <translation>Daarna krijg je een herstelsleutel, één keer getoond, om op te schrijven of af te drukken. Vergeet je zowel de wachtwoordzin als de herstelsleutel, dan is je dagboek kwijt: niemand kan het openen, en er is geen weg terug.</translation>
    </message>
    <message>
        <source>Locking your journal…
This can take a little while. You can go on using Attune.</source>
        <translation>Je dagboek wordt vergrendeld…
Dit kan even duren. Je kunt Attune gewoon blijven gebruiken.</translation>
    </message>
    <message>
        <source>Your journal was not locked: %1 It is as it was.</source>
        <translation>Je dagboek is niet vergrendeld: %1 Het is zoals het was.</translation>
    </message>
</context>
<context>
    <name>UnlockView</name>
    <message>
        <source>Unlock your journal</source>
        <extracomment>The widest the page&apos;s column grows. The journal&apos;s data key: open the journal with it now. The person chose to go on without the journal (it stays locked and closed).</extracomment>
        <translation>Je dagboek ontgrendelen</translation>
    </message>
    <message>
        <source>Your journal is locked</source>
        <translation>Je dagboek is vergrendeld</translation>
    </message>
    <message>
        <source>Type your passphrase to open it.</source>
        <translation>Typ je wachtwoordzin om het te openen.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Wachtwoordzin</translation>
    </message>
    <message>
        <source>Enter unlocks the journal</source>
        <translation>Enter ontgrendelt het dagboek</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Probleem</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Ontgrendelen</translation>
    </message>
    <message>
        <source>Open your journal</source>
        <translation>Je dagboek openen</translation>
    </message>
    <message>
        <source>Use the &amp;recovery key instead</source>
        <translation>In plaats daarvan de &amp;herstelsleutel gebruiken</translation>
    </message>
    <message>
        <source>Type the key you wrote down when you locked the journal</source>
        <translation>Typ de sleutel die je opschreef toen je het dagboek vergrendelde</translation>
    </message>
    <message>
        <source>&amp;Ground me now</source>
        <translation>&amp;Breng me nu tot rust</translation>
    </message>
    <message>
        <source>A short, steady moment, without unlocking</source>
        <translation>Een kort, rustig moment, zonder te ontgrendelen</translation>
    </message>
    <message>
        <source>&amp;Continue without my journal</source>
        <translation>&amp;Doorgaan zonder mijn dagboek</translation>
    </message>
    <message>
        <source>Use the practices; answers are not kept until you unlock</source>
        <translation>De oefeningen gebruiken; antwoorden worden pas bewaard als je ontgrendelt</translation>
    </message>
    <message>
        <source>Take a moment. Your journal can wait.</source>
        <translation>Neem even de tijd. Je dagboek kan wachten.</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Terug</translation>
    </message>
    <message>
        <source>Back to unlocking</source>
        <translation>Terug naar ontgrendelen</translation>
    </message>
    <message>
        <source>Type your recovery key first.</source>
        <translation>Typ eerst je herstelsleutel.</translation>
    </message>
    <message>
        <source>Type your passphrase first.</source>
        <translation>Typ eerst je wachtwoordzin.</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>Bezig met ontgrendelen…</translation>
    </message>
    <message>
        <source>Type your recovery key. Spaces and dashes do not matter.</source>
        <translation>Typ je herstelsleutel. Spaties en streepjes maken niet uit.</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Herstelsleutel</translation>
    </message>
    <message>
        <source>Use my &amp;passphrase instead</source>
        <translation>In plaats daarvan mijn &amp;wachtwoordzin gebruiken</translation>
    </message>
    <message>
        <source>Without unlocking, you can still take a moment or use the practices.</source>
        <translation>Zonder te ontgrendelen kun je nog steeds even tot rust komen of de oefeningen gebruiken.</translation>
    </message>
    <message>
        <source>Scroll</source>
        <translation>Schuifbalk</translation>
    </message>
</context>
<context>
    <name>_ProofChoice</name>
    <message>
        <source>My &amp;passphrase</source>
        <translation>Mijn &amp;wachtwoordzin</translation>
    </message>
    <message>
        <source>Use my passphrase</source>
        <translation>Mijn wachtwoordzin gebruiken</translation>
    </message>
    <message>
        <source>My &amp;recovery key</source>
        <translation>Mijn &amp;herstelsleutel</translation>
    </message>
    <message>
        <source>Use my recovery key</source>
        <translation>Mijn herstelsleutel gebruiken</translation>
    </message>
    <message>
        <source>As you typed it when you chose it</source>
        <translation>Zoals je hem typte toen je hem koos</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Herstelsleutel</translation>
    </message>
</context>
<context>
    <name>questions</name>
    <message>
        <source>Scroll</source>
        <extracomment>The widest a column of reading and answering gets, in px: lines stay easy to follow. The widget to centre on (a scroll area); None for itself.</extracomment>
        <translation>Schuifbalk</translation>
    </message>
    <message>
        <source>Scrolls the page</source>
        <translation>Schuift door de pagina</translation>
    </message>
</context>
</TS>
