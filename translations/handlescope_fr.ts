<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>hs::ui::DetailsPane</name>
    <message>
        <location filename="../ui/widgets/detailspane.cpp" line="+29"/>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+51"/>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location line="-45"/>
        <source>Double-click another holder to jump to it</source>
        <translation>Double-cliquez sur un autre détenteur pour y aller</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Handle %1 of %2 (pid %3)</source>
        <translation>Handle %1 de %2 (pid %3)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (0x%2)</source>
        <translation>%1 (0x%2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OS type name</source>
        <translation>Type système</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Access</source>
        <translation>Accès</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Granted access</source>
        <translation>Accès accordé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inheritable</source>
        <translation>Héritable</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+7"/>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Offset</source>
        <translation>Position</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Flags</source>
        <translation>Indicateurs</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mount id</source>
        <translation>ID de montage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Object</source>
        <translation>Objet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Protected from close</source>
        <translation>Fermeture interdite</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refers to process</source>
        <translation>Désigne le processus</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Could not read</source>
        <translation>Lecture impossible</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Socket</source>
        <translation>Socket</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Family</source>
        <translation>Famille</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Protocol</source>
        <translation>Protocole</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Local address</source>
        <translation>Adresse locale</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remote address</source>
        <translation>Adresse distante</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Peer inode</source>
        <translation>Inode du pair</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Other end (%n)</source>
        <translation>
            <numerusform>Autre extrémité (%n)</numerusform>
            <numerusform>Autres extrémités (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Double-click to show this end</source>
        <translation>Double-cliquez pour afficher cette extrémité</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Details for this type</source>
        <translation>Détails propres à ce type</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+16"/>
        <location line="+33"/>
        <source>Other holders</source>
        <translation>Autres détenteurs</translation>
    </message>
    <message>
        <location line="-48"/>
        <source>Every object of this kind shares one inode, so holders cannot be told apart.</source>
        <translation>Tous les objets de ce genre partagent un même inode&#xa0;: impossible de distinguer leurs détenteurs.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Searching every process…</source>
        <translation>Recherche dans tous les processus…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Other holders (%1)</source>
        <translation>Autres détenteurs (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Could not search: %1</source>
        <translation>Recherche impossible&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No other handle refers to this object.</source>
        <translation>Aucun autre handle ne désigne cet objet.</translation>
    </message>
    <message>
        <location line="-42"/>
        <location line="+44"/>
        <source>%1 (pid %2)</source>
        <translation>%1 (pid %2)</translation>
    </message>
    <message>
        <location line="-43"/>
        <location line="+44"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n handle(s) refer to this object; %1 are listed (Find shows them all).</source>
        <translation>
            <numerusform>%n handle désigne cet objet&#xa0;; %1 sont listés (Rechercher les montre tous).</numerusform>
            <numerusform>%n handles désignent cet objet&#xa0;; %1 sont listés (Rechercher les montre tous).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Searched every process at %1.</source>
        <translation>Tous les processus parcourus à %1.</translation>
    </message>
</context>
<context>
    <name>hs::ui::DuplicateDialog</name>
    <message>
        <location filename="../ui/dialogs/duplicatedialog.cpp" line="+47"/>
        <location line="+34"/>
        <source>Duplicate handle</source>
        <translation>Dupliquer le handle</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>Please confirm this duplicate:</source>
        <translation>Veuillez confirmer cette duplication&#xa0;:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Duplicate anyway</source>
        <translation>Dupliquer quand même</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Inheritable (survives exec in the target&apos;s children)</source>
        <translation>Héritable (survit à exec dans les enfants de la cible)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close the handle in the source afterwards (move it)</source>
        <translation>Fermer ensuite le handle dans la source (le déplacer)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Duplicate</source>
        <translation>&amp;Dupliquer</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&lt;b&gt;Source:&lt;/b&gt; %1 (pid %2), %3 %4 — %5 &lt;i&gt;%6&lt;/i&gt;</source>
        <translation>&lt;b&gt;Source&#xa0;:&lt;/b&gt; %1 (pid %2), %3 %4 — %5 &lt;i&gt;%6&lt;/i&gt;</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Search target by name, PID or user</source>
        <translation>Chercher la cible par nom, PID ou utilisateur</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Options</source>
        <translation>Options</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Same access as the source</source>
        <translation>Même accès que la source</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Access mask:</source>
        <translation>Masque d’accès&#xa0;:</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The exact calls the duplicate will make</source>
        <translation>Les appels exacts que fera la duplication</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy the new handle value</source>
        <translation>Copier la valeur du nouveau handle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show in target</source>
        <translation>Afficher dans la cible</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>New handle in the target:</source>
        <translation>Nouveau handle dans la cible&#xa0;:</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&lt;b&gt;Target process:&lt;/b&gt;</source>
        <translation>&lt;b&gt;Processus cible&#xa0;:&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b&gt;Preview:&lt;/b&gt;</source>
        <translation>&lt;b&gt;Aperçu&#xa0;:&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Process</source>
        <translation>Processus</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> (HandleScope)</source>
        <translation> (HandleScope)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (source)</source>
        <translation> (source)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (recent)</source>
        <translation> (récent)</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Choose a target process.</source>
        <translation>Choisissez un processus cible.</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Duplicate failed: %1</source>
        <translation>Échec de la duplication&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>hs::ui::FindDialog</name>
    <message>
        <location filename="../ui/dialogs/finddialog.cpp" line="+29"/>
        <source>Find</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Regular expression</source>
        <translation>Expression régulière</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Match case</source>
        <translation>Respecter la casse</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Find handle</source>
        <translation>Rechercher un handle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name or type contains… (e.g. .log, socket:[, /dev/)</source>
        <translation>Le nom ou le type contient… (ex. .log, socket:[, /dev/)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ECMAScript syntax, e.g. \.log$</source>
        <translation>Syntaxe ECMAScript, ex. \.log$</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Any type</source>
        <translation>Tous les types</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Double-click a result to show it in the main window</source>
        <translation>Double-cliquez sur un résultat pour l’afficher dans la fenêtre principale</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Invalid search: %1</source>
        <translation>Recherche non valide&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reading the handles of every process…</source>
        <translation>Lecture des handles de tous les processus…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Search failed: %1</source>
        <translation>Échec de la recherche&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>Searched %n handle(s) of %1 processes, read at %2.</source>
        <translation>
            <numerusform>%n handle de %1 processus parcouru, lu à %2.</numerusform>
            <numerusform>%n handles de %1 processus parcourus, lus à %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n handle(s) found; showing the first %1. Narrow the search.</source>
        <translation>
            <numerusform>%n handle trouvé&#xa0;; seuls les %1 premiers sont affichés. Affinez la recherche.</numerusform>
            <numerusform>%n handles trouvés&#xa0;; seuls les %1 premiers sont affichés. Affinez la recherche.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n handle(s) found.</source>
        <translation>
            <numerusform>%n handle trouvé.</numerusform>
            <numerusform>%n handles trouvés.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hs::ui::HandleModel</name>
    <message>
        <location filename="../ui/models/handlemodel.cpp" line="+78"/>
        <source>Partly unreadable: %1</source>
        <translation>En partie illisible&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Closed since the previous refresh</source>
        <translation>Fermé depuis l’actualisation précédente</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hex</source>
        <translation>Hexa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Access</source>
        <translation>Accès</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inheritable</source>
        <translation>Héritable</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offset</source>
        <translation>Position</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Object</source>
        <translation>Objet</translation>
    </message>
</context>
<context>
    <name>hs::ui::HandlePane</name>
    <message>
        <location filename="../ui/widgets/handlepane.cpp" line="+29"/>
        <source>Hide unnamed</source>
        <translation>Masquer sans nom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Group by type</source>
        <translation>Grouper par type</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Show one type of handle only; the numbers are the handles of each type</source>
        <translation>N’afficher qu’un type de handle&#xa0;; les nombres sont les handles de chaque type</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All types</source>
        <translation>Tous les types</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Filter handles (name, type, value)</source>
        <translation>Filtrer les handles (nom, type, valeur)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hide handles without a name (anonymous inodes and the like)</source>
        <translation>Masquer les handles sans nom (inodes anonymes, etc.)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep the handles of one type together</source>
        <translation>Garder ensemble les handles d’un même type</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>All types (%1)</source>
        <translation>Tous les types (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 (0)</source>
        <translation>%1 (0)</translation>
    </message>
</context>
<context>
    <name>hs::ui::HitModel</name>
    <message>
        <location filename="../ui/models/hitmodel.cpp" line="+67"/>
        <source>Process</source>
        <translation>Processus</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Handle</source>
        <translation>Handle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
</context>
<context>
    <name>hs::ui::LogModel</name>
    <message>
        <location filename="../ui/log/logmodel.cpp" line="+28"/>
        <source>trace</source>
        <translation>trace</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>debug</source>
        <translation>débogage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>info</source>
        <translation>info</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>warning</source>
        <translation>avertissement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>error</source>
        <translation>erreur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>critical</source>
        <translation>critique</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>off</source>
        <translation>désactivé</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Logger</source>
        <translation>Source</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
</context>
<context>
    <name>hs::ui::LogPanel</name>
    <message>
        <location filename="../ui/widgets/logpanel.cpp" line="+39"/>
        <source>Show this level and above</source>
        <translation>Afficher ce niveau et les niveaux supérieurs</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 and above</source>
        <translation>%1 et plus</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Filter log (logger or message)</source>
        <translation>Filtrer le journal (source ou message)</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+18"/>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Copy the selected lines</source>
        <translation>Copier les lignes sélectionnées</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+25"/>
        <source>Save…</source>
        <translation>Enregistrer…</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>Save the shown lines to a file</source>
        <translation>Enregistrer dans un fichier les lignes affichées</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+25"/>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>Remove every line from the panel (the log file keeps them)</source>
        <translation>Retirer toutes les lignes du panneau (le fichier journal les garde)</translation>
    </message>
    <message>
        <location line="+59"/>
        <location line="+6"/>
        <source>Save log</source>
        <translation>Enregistrer le journal</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>Fichiers texte (*.txt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d’écrire %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>hs::ui::MainWindow</name>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="+68"/>
        <source>Log</source>
        <translation>Journal</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>HandleScope</source>
        <translation>HandleScope</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Select a process to see its handles.</source>
        <translation>Sélectionnez un processus pour voir ses handles.</translation>
    </message>
    <message numerus="yes">
        <location line="+36"/>
        <source>%n process(es)</source>
        <translation>
            <numerusform>%n processus</numerusform>
            <numerusform>%n processus</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n handle(s)</source>
        <translation>
            <numerusform>%n handle</numerusform>
            <numerusform>%n handles</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refreshed at %1 in %2 ms</source>
        <translation>Actualisé à %1 en %2 ms</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Refresh failed: %1</source>
        <translation>Échec de l’actualisation&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Duplicated into pid %1 as %2 %3</source>
        <translation>Dupliqué dans le pid %1 en tant que %2 %3</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+240"/>
        <source>Close handle</source>
        <translation>Fermer le handle</translation>
    </message>
    <message>
        <location line="-238"/>
        <source>Handle closed.</source>
        <translation>Handle fermé.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Read all processes and handles again (F5)</source>
        <translation>Relire tous les processus et leurs handles (F5)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copy the selected rows as tab-separated text</source>
        <translation>Copier les lignes sélectionnées en texte séparé par des tabulations</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Find Handle…</source>
        <translation>&amp;Rechercher un handle…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Search the handles of every process (Ctrl+F)</source>
        <translation>Chercher dans les handles de tous les processus (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Duplicate Handle…</source>
        <translation>&amp;Dupliquer le handle…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copy the selected handle into another process (Ctrl+D)</source>
        <translation>Copier le handle sélectionné dans un autre processus (Ctrl+D)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>C&amp;lose Handle in Process…</source>
        <translation>&amp;Fermer le handle dans le processus…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Close the selected handle inside its process (Del)</source>
        <translation>Fermer le handle sélectionné à l’intérieur de son processus (Suppr)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export Handles as &amp;CSV…</source>
        <translation>Exporter les handles en &amp;CSV…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export Handles as &amp;JSON…</source>
        <translation>Exporter les handles en &amp;JSON…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Edit</source>
        <translation>&amp;Édition</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Filter &amp;Processes</source>
        <translation>Filtrer les &amp;processus</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;View</source>
        <translation>Aff&amp;ichage</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Automatic Refresh</source>
        <translation>Actualisation au&amp;tomatique</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Off</source>
        <translation>Désactivée</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Every %1 s</source>
        <translation>Toutes les %1 s</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Handle</source>
        <translation>&amp;Handle</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;Log Folder</source>
        <translation>Ouvrir le dossier du &amp;journal</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;About HandleScope</source>
        <translation>À &amp;propos de HandleScope</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About &amp;Qt</source>
        <translation>À propos de &amp;Qt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Main</source>
        <translation>Barre principale</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Automatic refresh</source>
        <translation>Actualisation automatique</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Auto refresh: off</source>
        <translation>Actualisation auto&#xa0;: désactivée</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Auto refresh: %1 s</source>
        <translation>Actualisation auto&#xa0;: %1 s</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>Select a handle to duplicate first.</source>
        <translation>Sélectionnez d’abord un handle à dupliquer.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Close %1 %2 (%3) inside %4 (pid %5)?

The program does not expect this and may fail or lose data.</source>
        <translation>Fermer le %1 %2 (%3) dans %4 (pid %5)&#xa0;?

Le programme ne s’y attend pas et peut échouer ou perdre des données.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Export handles as JSON</source>
        <translation>Exporter les handles en JSON</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Export handles as CSV</source>
        <translation>Exporter les handles en CSV</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>JSON files (*.json)</source>
        <translation>Fichiers JSON (*.json)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Exported %n handle(s) to %1</source>
        <translation>
            <numerusform>%n handle exporté dans %1</numerusform>
            <numerusform>%n handles exportés dans %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+15"/>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d’écrire %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>About HandleScope</source>
        <translation>À propos de HandleScope</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;HandleScope %1&lt;/h3&gt;&lt;p&gt;Inspect the handles (file descriptors) of processes and duplicate them between processes.&lt;/p&gt;&lt;p&gt;Platform: %2&lt;br&gt;Qt %3&lt;/p&gt;&lt;p&gt;Log file: %4&lt;/p&gt;</source>
        <translation>&lt;h3&gt;HandleScope %1&lt;/h3&gt;&lt;p&gt;Inspecter les handles (descripteurs de fichier) des processus et les dupliquer d’un processus à l’autre.&lt;/p&gt;&lt;p&gt;Plateforme&#xa0;: %2&lt;br&gt;Qt %3&lt;/p&gt;&lt;p&gt;Fichier journal&#xa0;: %4&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>hs::ui::PeerText</name>
    <message>
        <location filename="../ui/util/peertext.cpp" line="+21"/>
        <source>%1 (%2) %3 %4</source>
        <extracomment>a peer: process name, its pid, the word for &quot;fd&quot;, the fd number (&quot;Xvfb (2249) fd 8&quot;)</extracomment>
        <translation>%1 (%2) %3 %4</translation>
    </message>
    <message numerus="yes">
        <location line="+21"/>
        <source> +%n more</source>
        <extracomment>after the peers named: how many more there are (&quot; +2 more&quot;)</extracomment>
        <translation>
            <numerusform> +%n autre</numerusform>
            <numerusform> +%n autres</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hs::ui::ProcessModel</name>
    <message>
        <location filename="../ui/models/processmodel.cpp" line="+54"/>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 (pid %2) has exited</source>
        <translation>%1 (pid %2) s’est terminé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (pid %2) cannot be inspected: %3
To see more: %4</source>
        <translation>%1 (pid %2) ne peut pas être inspecté&#xa0;: %3
Pour en voir plus&#xa0;: %4</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 (pid %2), user %3</source>
        <translation>%1 (pid %2), utilisateur %3</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handles</source>
        <translation>Handles</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change</source>
        <translation>Variation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Number of open handles (file descriptors)</source>
        <translation>Nombre de handles ouverts (descripteurs de fichier)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change in the handle count since the previous refresh</source>
        <translation>Variation du nombre de handles depuis l’actualisation précédente</translation>
    </message>
</context>
<context>
    <name>hs::ui::ProcessPane</name>
    <message>
        <location filename="../ui/widgets/processpane.cpp" line="+24"/>
        <source>Filter processes (name, PID, user, command line)</source>
        <translation>Filtrer (nom, PID, utilisateur, commande)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show only processes whose name, user or command line contains this text, or whose PID starts with it</source>
        <translation>N’afficher que les processus dont le nom, l’utilisateur ou la ligne de commande contient ce texte, ou dont le PID commence par lui</translation>
    </message>
</context>
<context>
    <name>hs::ui::Risk</name>
    <message>
        <location filename="../ui/dup/risk.cpp" line="+27"/>
        <source>The handle will be closed in the source process. The program may fail when it next uses it.</source>
        <translation>Le handle sera fermé dans le processus source. Le programme peut échouer à sa prochaine utilisation.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The target is HandleScope itself.</source>
        <translation>La cible est HandleScope lui-même.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The target is the init process (PID 1).</source>
        <translation>La cible est le processus init (PID 1).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The target belongs to another user (%1).</source>
        <translation>La cible appartient à un autre utilisateur (%1).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The target is the display server (%1).</source>
        <translation>La cible est le serveur d’affichage (%1).</translation>
    </message>
</context>
<context>
    <name>hs::ui::Vocabulary</name>
    <message>
        <location filename="../ui/util/vocabulary.cpp" line="+20"/>
        <source>Regular file</source>
        <translation>Fichier ordinaire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Directory</source>
        <translation>Répertoire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Character device</source>
        <translation>Périphérique caractère</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Block device</source>
        <translation>Périphérique bloc</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pipe / FIFO</source>
        <translation>Tube / FIFO</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Socket</source>
        <translation>Socket</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Event fd</source>
        <translation>Descripteur d’événement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timer fd</source>
        <translation>Descripteur de minuteur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signal fd</source>
        <translation>Descripteur de signaux</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Epoll</source>
        <translation>Epoll</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inotify</source>
        <translation>Inotify</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fanotify</source>
        <translation>Fanotify</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Process fd</source>
        <translation>Descripteur de processus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Memory fd</source>
        <translation>Descripteur de mémoire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>io_uring</source>
        <translation>io_uring</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Anonymous inode</source>
        <translation>Inode anonyme</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Process</source>
        <translation>Processus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thread</source>
        <translation>Thread</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mutex</source>
        <translation>Mutex</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Semaphore</source>
        <translation>Sémaphore</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Section</source>
        <translation>Section</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registry key</source>
        <translation>Clé de Registre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Token</source>
        <translation>Jeton</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timer</source>
        <translation>Minuteur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Job</source>
        <translation>Objet job</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>I/O completion</source>
        <translation>Achèvement d’E/S</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ALPC port</source>
        <translation>Port ALPC</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Object directory</source>
        <translation>Répertoire d’objets</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Symbolic link</source>
        <translation>Lien symbolique</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Desktop</source>
        <translation>Bureau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Window station</source>
        <translation>Station de fenêtre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>running</source>
        <translation>en exécution</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sleeping</source>
        <translation>en sommeil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>disk-sleep</source>
        <translation>sommeil disque</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stopped</source>
        <translation>arrêté</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>traced</source>
        <translation>tracé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>zombie</source>
        <translation>zombie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dead</source>
        <translation>mort</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>idle</source>
        <translation>inactif</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>kernel-thread</source>
        <translation>thread noyau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>fd</source>
        <translation>descripteur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>handle</source>
        <translation>handle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To see and act on other users&apos; processes, run as root: sudo handlescope-cli ..., or pkexec handlescope for the desktop app</source>
        <translation>Pour voir les processus des autres utilisateurs et agir sur eux, lancez en root&#xa0;: sudo handlescope-cli ..., ou pkexec handlescope pour l’application de bureau</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>run as Administrator: HandleScope then enables SeDebugPrivilege to open other users&apos; and services&apos; processes (protected processes stay closed)</source>
        <translation>exécutez en tant qu’administrateur&#xa0;: HandleScope active alors SeDebugPrivilege pour ouvrir les processus des autres utilisateurs et des services (les processus protégés restent fermés)</translation>
    </message>
</context>
<context>
    <name>hs::ui::WindowController</name>
    <message>
        <location filename="../ui/window/windowcontroller.cpp" line="+125"/>
        <location line="+44"/>
        <source>This process has exited.</source>
        <translation>Ce processus s’est terminé.</translation>
    </message>
    <message>
        <location line="-44"/>
        <source>Select a process to see its handles.</source>
        <translation>Sélectionnez un processus pour voir ses handles.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>HandleScope may not read the handles of %1 (pid %2):
%3

To see more: %4</source>
        <translation>HandleScope n’a pas le droit de lire les handles de %1 (pid %2)&#xa0;:
%3

Pour en voir plus&#xa0;: %4</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reading the handles of %1 (pid %2)…</source>
        <translation>Lecture des handles de %1 (pid %2)…</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Could not read the handles:
%1</source>
        <translation>Impossible de lire les handles&#xa0;:
%1</translation>
    </message>
</context>
</TS>
