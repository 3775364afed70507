<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>ExplainCode</name>
    <message>
        <location filename="../ui/learn/explaincode.cpp" line="+29"/>
        <source>Step 1: take a copy of fd %1 of process %2 into this program.</source>
        <translation>Étape 1&#xa0;: prendre une copie du descripteur %1 du processus %2 dans ce programme.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Close source: no call closes another process&apos;s fd. Process %1 must run</source>
        <translation>Fermer la source&#xa0;: aucun appel ne ferme le descripteur d&apos;un autre processus. Le processus %1 doit exécuter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>itself (HandleScope injects that call).</source>
        <translation>lui-même (HandleScope injecte cet appel).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Needs ptrace access to process %1 (ptrace(2)):</source>
        <translation>Demande l&apos;accès ptrace au processus %1 (ptrace(2))&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>same user and a Yama ptrace_scope that allows it, or CAP_SYS_PTRACE.</source>
        <translation>même utilisateur et un ptrace_scope de Yama qui le permet, ou CAP_SYS_PTRACE.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a new number in this program, with FD_CLOEXEC set:</source>
        <translation>un nouveau numéro dans ce programme, avec FD_CLOEXEC mis&#xa0;:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Step 2: pass it to process %1 over a connected UNIX socket `sock` (SCM_RIGHTS).</source>
        <translation>Étape 2&#xa0;: le passer au processus %1 par un socket UNIX connecté `sock` (SCM_RIGHTS).</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>this program&apos;s copy; process %1 now holds its own</source>
        <translation>la copie de ce programme&#xa0;; le processus %1 détient maintenant la sienne</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Step 3, in process %1 (msg built as above): receive it; the kernel picks its number.</source>
        <translation>Étape 3, dans le processus %1 (msg construit comme ci-dessus)&#xa0;: le recevoir&#xa0;; le noyau choisit son numéro.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no FD_CLOEXEC: inheritable</source>
        <translation>sans FD_CLOEXEC&#xa0;: héritable</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FD_CLOEXEC set: not inheritable</source>
        <translation>FD_CLOEXEC mis&#xa0;: non héritable</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>a pseudo handle: no need to close it</source>
        <translation>un pseudo-handle&#xa0;: inutile de le fermer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>its value is valid in process %1 only</source>
        <translation>sa valeur n&apos;est valable que dans le processus %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>valid in this process</source>
        <translation>valable dans ce processus</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>for example ERROR_ACCESS_DENIED</source>
        <translation>par exemple ERROR_ACCESS_DENIED</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Process %1 does not know the value of copy: tell it (a named pipe, shared memory...).</source>
        <translation>Le processus %1 ne connaît pas la valeur de copy&#xa0;: communiquez-la (un tube nommé, une mémoire partagée…).</translation>
    </message>
</context>
<context>
    <name>ExplainText</name>
    <message>
        <location filename="../ui/learn/explaintext.cpp" line="+31"/>
        <source>%1 (%2): %3</source>
        <translation>%1 (%2)&#xa0;: %3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>a file opened with open(); reads and writes move its offset.</source>
        <translation>un fichier ouvert par open()&#xa0;; lectures et écritures déplacent sa position.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a directory, opened to list it (getdents) or as a base for openat().</source>
        <translation>un répertoire, ouvert pour le lister (getdents) ou comme base pour openat().</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a character device such as a terminal or /dev/null; its driver decides what read and write do.</source>
        <translation>un périphérique caractère comme un terminal ou /dev/null&#xa0;; son pilote décide de ce que font read et write.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a block device (a disk or a partition).</source>
        <translation>un périphérique bloc (un disque ou une partition).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>one end of a pipe: bytes written at the write end are read at the read end, once.</source>
        <translation>une extrémité d&apos;un tube&#xa0;: les octets écrits à l&apos;extrémité d&apos;écriture sont lus, une seule fois, à l&apos;extrémité de lecture.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a socket: one end of a network or local (UNIX) connection.</source>
        <translation>un socket&#xa0;: une extrémité d&apos;une connexion réseau ou locale (UNIX).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an eventfd: a 64-bit counter; write() adds to it, read() takes it. Used to wake another thread or process.</source>
        <translation>un eventfd&#xa0;: un compteur 64 bits&#xa0;; write() y ajoute, read() le prend. Sert à réveiller un autre thread ou processus.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a timerfd: a timer that becomes readable when it expires.</source>
        <translation>un timerfd&#xa0;: une minuterie qui devient lisible quand elle expire.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a signalfd: blocked signals delivered as data to read().</source>
        <translation>un signalfd&#xa0;: des signaux bloqués, livrés comme données à lire par read().</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an epoll instance: a set of descriptors watched for readiness.</source>
        <translation>une instance epoll&#xa0;: un ensemble de descripteurs surveillés jusqu&apos;à ce qu&apos;ils soient prêts.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an inotify instance: events about files and directories it watches.</source>
        <translation>une instance inotify&#xa0;: des événements sur les fichiers et répertoires qu&apos;elle surveille.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a fanotify group: file access events, often for security tools.</source>
        <translation>un groupe fanotify&#xa0;: des événements d&apos;accès aux fichiers, souvent pour les outils de sécurité.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a pidfd: a stable reference to one process (pids are reused, a pidfd is not).</source>
        <translation>un pidfd&#xa0;: une référence stable à un processus (les pid sont réutilisés, un pidfd ne l&apos;est pas).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a memfd: an anonymous file in memory, shared by everyone holding it.</source>
        <translation>un memfd&#xa0;: un fichier anonyme en mémoire, partagé par tous ceux qui le détiennent.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an io_uring instance: queues of asynchronous I/O requests.</source>
        <translation>une instance io_uring&#xa0;: des files de requêtes d&apos;E/S asynchrones.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a kernel object without a file name (an anonymous inode).</source>
        <translation>un objet du noyau sans nom de fichier (un inode anonyme).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an object of a type HandleScope names but does not explain.</source>
        <translation>un objet d&apos;un type que HandleScope nomme mais n&apos;explique pas.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>a file object: an open file with its own position.</source>
        <translation>un objet fichier&#xa0;: un fichier ouvert avec sa propre position.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a file object opened on a directory.</source>
        <translation>un objet fichier ouvert sur un répertoire.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a file object on a pipe (anonymous or named).</source>
        <translation>un objet fichier sur un tube (anonyme ou nommé).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a file object on a socket (AFD).</source>
        <translation>un objet fichier sur un socket (AFD).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a process object: wait on it, read its exit code, or act on it with the rights held.</source>
        <translation>un objet processus&#xa0;: l&apos;attendre, lire son code de sortie ou agir sur lui avec les droits détenus.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a thread object.</source>
        <translation>un objet thread.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an event: signaled or not; SetEvent wakes the threads waiting on it.</source>
        <translation>un événement&#xa0;: signalé ou non&#xa0;; SetEvent réveille les threads qui l&apos;attendent.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a mutex (&quot;Mutant&quot; in the kernel): owned by one thread at a time.</source>
        <translation>un mutex («&#xa0;Mutant&#xa0;» dans le noyau)&#xa0;: possédé par un seul thread à la fois.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a semaphore: a count of free slots; waiting takes one, ReleaseSemaphore gives back.</source>
        <translation>un sémaphore&#xa0;: un nombre de places libres&#xa0;; attendre en prend une, ReleaseSemaphore en rend.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a section (file mapping): memory that several processes can map.</source>
        <translation>une section (projection de fichier)&#xa0;: de la mémoire que plusieurs processus peuvent projeter.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an open registry key.</source>
        <translation>une clé de registre ouverte.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an access token: the identity and privileges of a process or thread.</source>
        <translation>un jeton d&apos;accès&#xa0;: l&apos;identité et les privilèges d&apos;un processus ou d&apos;un thread.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a waitable timer.</source>
        <translation>une minuterie d&apos;attente.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a job object: a group of processes managed together.</source>
        <translation>un objet job&#xa0;: un groupe de processus gérés ensemble.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an I/O completion port: a queue of finished I/O.</source>
        <translation>un port de complétion d&apos;E/S&#xa0;: une file d&apos;E/S terminées.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an ALPC port: the kernel&apos;s local message passing.</source>
        <translation>un port ALPC&#xa0;: le passage de messages local du noyau.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a directory of the object manager&apos;s namespace.</source>
        <translation>un répertoire de l&apos;espace de noms du gestionnaire d&apos;objets.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a symbolic link of the object manager&apos;s namespace.</source>
        <translation>un lien symbolique de l&apos;espace de noms du gestionnaire d&apos;objets.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a desktop (windows, menus and hooks live on one).</source>
        <translation>un bureau (fenêtres, menus et hooks y vivent).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a window station: clipboard, atoms and desktops.</source>
        <translation>une station de fenêtres&#xa0;: presse-papiers, atomes et bureaux.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a kernel object of a type HandleScope names but does not explain.</source>
        <translation>un objet du noyau d&apos;un type que HandleScope nomme mais n&apos;explique pas.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Opened for reading only (O_RDONLY): write() on it fails with EBADF.</source>
        <translation>Ouvert en lecture seule (O_RDONLY)&#xa0;: write() y échoue avec EBADF.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Opened for writing only (O_WRONLY): read() on it fails with EBADF.</source>
        <translation>Ouvert en écriture seule (O_WRONLY)&#xa0;: read() y échoue avec EBADF.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Opened for reading and writing (O_RDWR).</source>
        <translation>Ouvert en lecture et écriture (O_RDWR).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Opened with O_PATH: it names the object but allows neither read nor write.</source>
        <translation>Ouvert avec O_PATH&#xa0;: il désigne l&apos;objet mais ne permet ni lecture ni écriture.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The access mode was not read (it needs the fdinfo of the process).</source>
        <translation>Le mode d&apos;accès n&apos;a pas été lu (il faut le fdinfo du processus).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Access mask 0x%1; its rights were not decoded.</source>
        <translation>Masque d&apos;accès 0x%1&#xa0;; ses droits n&apos;ont pas été décodés.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Access mask 0x%1, checked once when the handle was opened; each use needs its right:</source>
        <translation>Masque d&apos;accès 0x%1, vérifié une fois à l&apos;ouverture du handle&#xa0;; chaque usage demande son droit&#xa0;:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>wait on the object (WaitForSingleObject)</source>
        <translation>attendre l&apos;objet (WaitForSingleObject)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>delete the object</source>
        <translation>supprimer l&apos;objet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>read its security descriptor</source>
        <translation>lire son descripteur de sécurité</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>change its access control list</source>
        <translation>modifier sa liste de contrôle d&apos;accès</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>change its owner</source>
        <translation>changer son propriétaire</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>read the file</source>
        <translation>lire le fichier</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>write the file</source>
        <translation>écrire le fichier</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>append to the file</source>
        <translation>ajouter à la fin du fichier</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SetEvent and ResetEvent</source>
        <translation>SetEvent et ResetEvent</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>duplicate handles from and into the process</source>
        <translation>dupliquer des handles depuis et vers le processus</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>map the section for reading</source>
        <translation>projeter la section en lecture</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>map the section for writing</source>
        <translation>projeter la section en écriture</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Whether it is inheritable was not read.</source>
        <translation>Son caractère héritable n&apos;a pas été lu.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Inheritable: yes. A child started by CreateProcess with bInheritHandles = TRUE gets this handle at the same value.</source>
        <translation>Héritable&#xa0;: oui. Un enfant lancé par CreateProcess avec bInheritHandles = TRUE reçoit ce handle à la même valeur.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Inheritable: no. Children never get it; it was created or duplicated with bInheritHandle = FALSE.</source>
        <translation>Héritable&#xa0;: non. Les enfants ne le reçoivent jamais&#xa0;; il a été créé ou dupliqué avec bInheritHandle = FALSE.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inheritable: yes (FD_CLOEXEC is clear). A program this process starts with execve() keeps it at the same number.</source>
        <translation>Héritable&#xa0;: oui (FD_CLOEXEC n&apos;est pas mis). Un programme que ce processus lance par execve() le garde au même numéro.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Inheritable: no (FD_CLOEXEC is set). It is closed when the process calls execve(); a fork() child still gets a copy until it executes another program.</source>
        <translation>Héritable&#xa0;: non (FD_CLOEXEC est mis). Il est fermé quand le processus appelle execve()&#xa0;; un enfant de fork() en reçoit quand même une copie jusqu&apos;à ce qu&apos;il exécute un autre programme.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>CloseHandle removes this entry from the process&apos;s handle table. The object lives on while any other handle or kernel reference to it remains; with the last one it is destroyed, and a named object&apos;s name goes with it.</source>
        <translation>CloseHandle retire cette entrée de la table des handles du processus. L&apos;objet survit tant qu&apos;il reste un autre handle ou une référence du noyau vers lui&#xa0;; avec le dernier il est détruit, et le nom d&apos;un objet nommé disparaît avec lui.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>when the last write end closes, readers get end of file; when the last read end closes, writers get EPIPE.</source>
        <translation>quand la dernière extrémité d&apos;écriture se ferme, les lecteurs reçoivent la fin de fichier&#xa0;; quand la dernière extrémité de lecture se ferme, les écrivains reçoivent EPIPE.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a stream connection is shut down and its peer reads end of file.</source>
        <translation>une connexion en flux est fermée et son pair lit la fin de fichier.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the file was deleted: its data is freed.</source>
        <translation>le fichier a été supprimé&#xa0;: ses données sont libérées.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>the file itself stays on disk.</source>
        <translation>le fichier lui-même reste sur le disque.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the kernel frees the object.</source>
        <translation>le noyau libère l&apos;objet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>close(%1) removes fd %1 from this process&apos;s table only. The open file description (offset, flags) stays while another descriptor, in this or any process, refers to it. With the last one: %2</source>
        <translation>close(%1) retire le descripteur %1 de la table de ce processus seulement. La description de fichier ouvert (position, drapeaux) reste tant qu&apos;un autre descripteur, dans ce processus ou un autre, y fait référence. Avec le dernier&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The copy is inheritable (bInheritHandle = TRUE).</source>
        <translation>La copie est héritable (bInheritHandle = TRUE).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The copy is inheritable: FD_CLOEXEC clear.</source>
        <translation>La copie est héritable&#xa0;: FD_CLOEXEC non mis.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The copy is not inheritable (bInheritHandle = FALSE).</source>
        <translation>La copie n&apos;est pas héritable (bInheritHandle = FALSE).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The copy has FD_CLOEXEC set: not inheritable.</source>
        <translation>La copie a FD_CLOEXEC mis&#xa0;: non héritable.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>DUPLICATE_CLOSE_SOURCE closes the source handle, even if the duplicate fails: the handle moves.</source>
        <translation>DUPLICATE_CLOSE_SOURCE ferme le handle source, même si la duplication échoue&#xa0;: le handle est déplacé.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The source descriptor is closed afterwards: the descriptor moves. Linux has no call that closes another process&apos;s descriptor; HandleScope injects close() into the source.</source>
        <translation>Le descripteur source est fermé ensuite&#xa0;: le descripteur est déplacé. Linux n&apos;a aucun appel qui ferme le descripteur d&apos;un autre processus&#xa0;; HandleScope injecte close() dans la source.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The copy gets access 0x%1 instead of the source&apos;s (DUPLICATE_SAME_ACCESS not set).</source>
        <translation>La copie reçoit l&apos;accès 0x%1 au lieu de celui de la source (DUPLICATE_SAME_ACCESS non mis).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The copy always has the source&apos;s access mode: Linux cannot narrow it.</source>
        <translation>La copie a toujours le mode d&apos;accès de la source&#xa0;: Linux ne peut pas le restreindre.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The target is not told the new value: the source or a helper must send it (a pipe, a socket, shared memory).</source>
        <translation>La cible n&apos;apprend pas la nouvelle valeur&#xa0;: la source ou un intermédiaire doit la lui envoyer (un tube, un socket, une mémoire partagée).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&lt;p&gt;Both are small numbers that index a per-process table of references to kernel objects. A Linux descriptor is the lowest free number (0, 1, 2 are the standard streams); a Windows handle is a multiple of 4.&lt;/p&gt;&lt;p&gt;A Windows handle carries its own access mask, chosen when it is opened or duplicated; a Linux descriptor points at an open file description whose mode (r, w, rw) every copy shares, with the file offset.&lt;/p&gt;&lt;p&gt;To share: Windows has inheritance, named objects and DuplicateHandle into any process you may open; Linux has inheritance across fork and exec, names in the file system, SCM_RIGHTS over a UNIX socket and, since 5.6, pidfd_getfd to take a copy from another process.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Les deux sont de petits nombres qui indexent une table, propre à chaque processus, de références à des objets du noyau. Un descripteur Linux est le plus petit numéro libre (0, 1, 2 sont les flux standard)&#xa0;; un handle Windows est un multiple de 4.&lt;/p&gt;&lt;p&gt;Un handle Windows porte son propre masque d&apos;accès, choisi à son ouverture ou à sa duplication&#xa0;; un descripteur Linux pointe vers une description de fichier ouvert dont toutes les copies partagent le mode (r, w, rw) et la position.&lt;/p&gt;&lt;p&gt;Pour partager&#xa0;: Windows a l&apos;héritage, les objets nommés et DuplicateHandle vers tout processus que l&apos;on peut ouvrir&#xa0;; Linux a l&apos;héritage par fork et exec, les noms dans le système de fichiers, SCM_RIGHTS par un socket UNIX et, depuis 5.6, pidfd_getfd pour prendre une copie chez un autre processus.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>LessonText</name>
    <message>
        <location filename="../ui/learn/lessontext.cpp" line="+12"/>
        <source>handle</source>
        <translation>handle</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>fd</source>
        <translation>descripteur</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>1. Pick the file</source>
        <translation>1. Choisir le fichier</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>2. Pick the target</source>
        <translation>2. Choisir la cible</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>3. Duplicate</source>
        <translation>3. Dupliquer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>4. See the new handle</source>
        <translation>4. Voir le nouveau handle</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>5. Tell the target</source>
        <translation>5. Prévenir la cible</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>6. Watch the target use it</source>
        <translation>6. Voir la cible s&apos;en servir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>7. Variations</source>
        <translation>7. Variantes</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Read next: %1.</source>
        <translation>À lire ensuite : %1.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Below is the handle table of the source process (pid %1): each row is one handle, a number that stands for a kernel object inside this process only.</source>
        <translation>Voici la table des handles du processus source (pid %1) : chaque ligne est un handle, un nombre qui désigne un objet du noyau dans ce processus seulement.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Below is the file descriptor table of the source process (pid %1): each row is one slot, numbered from 0, that refers to an open file inside this process only.</source>
        <translation>Voici la table des descripteurs de fichiers du processus source (pid %1) : chaque ligne est une case, numérotée à partir de 0, qui désigne un fichier ouvert dans ce processus seulement.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The source opened the text file %1. Click its row (value %2) to choose what to share.</source>
        <translation>La source a ouvert le fichier texte %1. Cliquez sur sa ligne (valeur %2) pour choisir ce qui sera partagé.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>That row is %1, not the text file. Pick the row whose name ends in greeting.txt.</source>
        <translation>Cette ligne est %1, pas le fichier texte. Choisissez la ligne dont le nom se termine par greeting.txt.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Right: %1 %2 of pid %3 refers to the open text file. The number %2 means something only in pid %3; another process that used %2 would reach whatever it has there, or nothing.</source>
        <translation>Exact : le %1 %2 du pid %3 désigne le fichier texte ouvert. Le nombre %2 n&apos;a de sens que dans le pid %3 ; un autre processus qui utiliserait %2 atteindrait ce qu&apos;il a lui-même à cette place, ou rien.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Now choose the process that should get a copy. The target demo (pid %1) listens on a channel for a message telling it which %2 to use; it holds no copy of the file yet.</source>
        <translation>Choisissez maintenant le processus qui doit recevoir une copie. La démo cible (pid %1) attend sur un canal un message lui indiquant quel %2 utiliser ; elle n&apos;a encore aucune copie du fichier.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>These are the exact calls HandleScope will make, with their real values. Pressing &lt;b&gt;Duplicate&lt;/b&gt; runs them: the target process gets a new %1 (this changes it, and is written to the log). The map below follows each step as the system reports it.</source>
        <translation>Voici les appels exacts que HandleScope va faire, avec leurs vraies valeurs. &lt;b&gt;Dupliquer&lt;/b&gt; les exécute : le processus cible reçoit un nouveau %1 (il est donc modifié, et c&apos;est noté dans le journal). La carte ci-dessous suit chaque étape au fil de ce que le système rapporte.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1: a handle to the source process with the one right a copy needs.</source>
        <translation>%1 : un handle sur le processus source, avec le seul droit dont une copie a besoin.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: the same for the target, the process that receives the copy.</source>
        <translation>%1 : de même pour la cible, le processus qui reçoit la copie.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: hSourceProcessHandle and hSourceHandle (0x%2) name the handle to copy; hTargetProcessHandle is where the copy goes; lpTargetHandle receives its value, valid only in the target; dwDesiredAccess is ignored with DUPLICATE_SAME_ACCESS; bInheritHandle FALSE keeps it from the target&apos;s children.</source>
        <translation>%1 : hSourceProcessHandle et hSourceHandle (0x%2) désignent le handle à copier ; hTargetProcessHandle est le processus où va la copie ; lpTargetHandle reçoit sa valeur, valable seulement dans la cible ; dwDesiredAccess est ignoré avec DUPLICATE_SAME_ACCESS ; bInheritHandle FALSE le refuse aux enfants de la cible.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1, run inside the target: a pidfd, a descriptor for the source process itself (pid %2); flags must be 0.</source>
        <translation>%1, exécuté dans la cible : un pidfd, un descripteur qui désigne le processus source lui-même (pid %2) ; flags doit valoir 0.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1, run inside the target: the kernel copies the source&apos;s fd %2 into the process that makes the call, so the copy lands in the target. P is the pidfd above; flags must be 0. The new fd refers to the same open file and has FD_CLOEXEC set.</source>
        <translation>%1, exécuté dans la cible : le noyau copie le descripteur %2 de la source dans le processus qui fait l&apos;appel, la copie arrive donc dans la cible. P est le pidfd ci-dessus ; flags doit valoir 0. Le nouveau descripteur désigne le même fichier ouvert et porte FD_CLOEXEC.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The target did not ask for this: HandleScope stops one of its threads with ptrace, makes it run the two calls and close(P), checks with kcmp that the new fd is the same open file, and lets it go on. It needs the right to ptrace both processes (same user and a permissive ptrace_scope, or root).</source>
        <translation>La cible n&apos;a rien demandé : HandleScope arrête un de ses threads avec ptrace, lui fait exécuter les deux appels et close(P), vérifie avec kcmp que le nouveau descripteur est bien le même fichier ouvert, puis le laisse repartir. Il faut avoir le droit de tracer les deux processus avec ptrace (même utilisateur et un ptrace_scope permissif, ou root).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Both refer to the same kernel object: the file, its position and its sharing mode are one.</source>
        <translation>Les deux désignent le même objet du noyau : le fichier, sa position et son mode de partage sont uniques.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Both refer to the same open file description: one file position and one set of flags, shared. Reading through one moves the position of the other.</source>
        <translation>Les deux désignent la même description de fichier ouvert : une seule position et un seul jeu de flags, partagés. Lire par l&apos;un déplace la position de l&apos;autre.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Here the two numbers happen to be equal: each table chose its own, and they are still two slots.</source>
        <translation>Ici les deux nombres se trouvent être égaux : chaque table a choisi le sien, et ce sont bien deux cases.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The numbers differ because each process numbers its own table: %1 was the first free value in the target.</source>
        <translation>Les nombres diffèrent parce que chaque processus numérote sa propre table : %1 était la première valeur libre dans la cible.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The target&apos;s table, read again: %1 %2 (bold) is new. Pid %3 holds the file as %1 %4, pid %5 as %1 %2.</source>
        <translation>La table de la cible, relue : le %1 %2 (en gras) est nouveau. Le pid %3 tient le fichier par le %1 %4, le pid %5 par le %1 %2.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Here the channel is the named pipe %1 that the target reads.</source>
        <translation>Ici le canal est le tube nommé %1 que lit la cible.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Here the channel is the UNIX socket %1 that the target listens on.</source>
        <translation>Ici le canal est la socket UNIX %1 sur laquelle la cible écoute.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The copy is only half of the job: the target does not know that %1 %2 exists. Duplication never tells the other process; it must learn the value through some interprocess communication.</source>
        <translation>La copie n&apos;est que la moitié du travail : la cible ne sait pas que le %1 %2 existe. La duplication ne prévient jamais l&apos;autre processus ; il doit apprendre la valeur par un moyen de communication entre processus.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Press &lt;b&gt;Send&lt;/b&gt; to send it the message below with &lt;code&gt;handlescope-demo tell&lt;/code&gt;.</source>
        <translation>Cliquez sur &lt;b&gt;Envoyer&lt;/b&gt; pour lui envoyer le message ci-dessous avec &lt;code&gt;handlescope-demo tell&lt;/code&gt;.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The target&apos;s own output, as it prints it: it received the message, used the value it was told, and read the text the source wrote into the file.</source>
        <translation>La sortie de la cible, telle qu&apos;elle l&apos;écrit : elle a reçu le message, utilisé la valeur indiquée et lu le texte que la source avait écrit dans le fichier.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&lt;b&gt;Close the source.&lt;/b&gt; DUPLICATE_CLOSE_SOURCE closes the source&apos;s handle in the same call: the object moves instead of being shared.</source>
        <translation>&lt;b&gt;Fermer la source.&lt;/b&gt; DUPLICATE_CLOSE_SOURCE ferme le handle de la source dans le même appel : l&apos;objet est déplacé au lieu d&apos;être partagé.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;Close the source.&lt;/b&gt; HandleScope then closes the fd in the source too (injected close, after checking with kcmp that it is still the same file): the object moves instead of being shared.</source>
        <translation>&lt;b&gt;Fermer la source.&lt;/b&gt; HandleScope ferme alors aussi le descripteur dans la source (close injecté, après avoir vérifié avec kcmp qu&apos;il s&apos;agit toujours du même fichier) : l&apos;objet est déplacé au lieu d&apos;être partagé.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;b&gt;Inheritable, and a child of the target.&lt;/b&gt; With bInheritHandle TRUE, a process the target starts with CreateProcess(bInheritHandles TRUE) gets the handle at the same value.</source>
        <translation>&lt;b&gt;Héritable, et un enfant de la cible.&lt;/b&gt; Avec bInheritHandle TRUE, un processus que la cible lance par CreateProcess(bInheritHandles TRUE) reçoit le handle à la même valeur.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;Inheritable, and a child of the target.&lt;/b&gt; pidfd_getfd sets FD_CLOEXEC; with Inheritable HandleScope clears it (fcntl F_SETFD 0), so a program the target starts with fork and exec keeps the fd at the same number.</source>
        <translation>&lt;b&gt;Héritable, et un enfant de la cible.&lt;/b&gt; pidfd_getfd pose FD_CLOEXEC ; avec « Héritable », HandleScope l&apos;enlève (fcntl F_SETFD 0), si bien qu&apos;un programme lancé par la cible avec fork et exec garde le descripteur au même numéro.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b&gt;Narrowed access.&lt;/b&gt; Without DUPLICATE_SAME_ACCESS, dwDesiredAccess gives the copy fewer rights, for example SYNCHRONIZE only: the target may wait on the object but not change it. Linux cannot do this: a descriptor&apos;s access is the mode of its open file, shared by every copy.</source>
        <translation>&lt;b&gt;Accès réduit.&lt;/b&gt; Sans DUPLICATE_SAME_ACCESS, dwDesiredAccess donne moins de droits à la copie, par exemple SYNCHRONIZE seul : la cible peut attendre l&apos;objet mais pas le modifier. Linux ne le permet pas : l&apos;accès d&apos;un descripteur est le mode de son fichier ouvert, commun à toutes les copies.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;b&gt;Narrowed access.&lt;/b&gt; On Windows, DuplicateHandle can give the copy fewer rights than the original. Linux cannot: an fd&apos;s access is the mode of the open file (O_RDONLY, O_RDWR), shared by every copy. For less access, open the file again, for example /proc/PID/fd/N read-only.</source>
        <translation>&lt;b&gt;Accès réduit.&lt;/b&gt; Sous Windows, DuplicateHandle peut donner à la copie moins de droits qu&apos;à l&apos;original. Linux ne le peut pas : l&apos;accès d&apos;un descripteur est le mode du fichier ouvert (O_RDONLY, O_RDWR), commun à toutes les copies. Pour moins d&apos;accès, rouvrez le fichier, par exemple /proc/PID/fd/N en lecture seule.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;b&gt;The target is never told.&lt;/b&gt; Skip step 5 and the target holds a %1 that no code in it knows: nothing will ever close it. That is a leak; HandleScope&apos;s leak views find such growth, and Handle &gt; Close Handle in Process removes it.</source>
        <translation>&lt;b&gt;La cible n&apos;est jamais prévenue.&lt;/b&gt; Sautez l&apos;étape 5 et la cible détient un %1 qu&apos;aucun code en elle ne connaît : rien ne le fermera jamais. C&apos;est une fuite ; les vues de fuites de HandleScope repèrent ce genre de croissance, et Handle &gt; Fermer le handle dans le processus le supprime.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Pid %1 now also holds the file as %2 %3, and nobody told it: no code in it will ever use or close that %2. It stays open until the process ends. On the map it is one more holder.</source>
        <translation>Le pid %1 détient maintenant aussi le fichier par le %2 %3, et personne ne l&apos;a prévenu : aucun code en lui n&apos;utilisera ni ne fermera jamais ce %2. Il reste ouvert jusqu&apos;à la fin du processus. Sur la carte, c&apos;est un détenteur de plus.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A process can share an object it holds in three ways. Run each one: every column starts real demo processes and shows what they print.</source>
        <translation>Un processus peut partager un objet qu&apos;il détient de trois façons. Lancez chacune : chaque colonne démarre de vrais processus de démonstration et montre ce qu&apos;ils écrivent.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The parent creates the object with an inheritable handle and starts a child with CreateProcess(bInheritHandles TRUE). The child holds the handle at the same value; the parent tells it the value, here on its command line.</source>
        <translation>Le parent crée l&apos;objet avec un handle héritable et lance un enfant par CreateProcess(bInheritHandles TRUE). L&apos;enfant détient le handle à la même valeur ; le parent lui indique cette valeur, ici sur sa ligne de commande.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The parent opens the file without O_CLOEXEC, then starts a child with fork and exec. The child holds the fd at the same number; the parent tells it the number, here on its command line.</source>
        <translation>Le parent ouvre le fichier sans O_CLOEXEC, puis lance un enfant avec fork et exec. L&apos;enfant détient le descripteur au même numéro ; le parent lui indique ce numéro, ici sur sa ligne de commande.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>One process creates an event with a name; the other opens it by that name with OpenEvent. No handle value passes between them: each gets its own handle. Anyone who knows the name, and has the rights, can open it too.</source>
        <translation>Un processus crée un événement nommé ; l&apos;autre l&apos;ouvre par ce nom avec OpenEvent. Aucune valeur de handle ne passe entre eux : chacun obtient son propre handle. Quiconque connaît le nom, et en a le droit, peut l&apos;ouvrir aussi.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>One process makes a FIFO, a named pipe in the file system, with mkfifo; the other opens it by its path. No fd number passes between them: each gets its own. Anyone who may open the path can join.</source>
        <translation>Un processus crée une FIFO, un tube nommé dans le système de fichiers, avec mkfifo ; l&apos;autre l&apos;ouvre par son chemin. Aucun numéro de descripteur ne passe entre eux : chacun obtient le sien. Quiconque peut ouvrir ce chemin peut s&apos;y joindre.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A tool, or the source itself, copies the handle into a process that is already running, then tells it the new value over a channel. Lesson 1 shows it step by step.</source>
        <translation>Un outil, ou la source elle-même, copie le handle dans un processus déjà lancé, puis lui indique la nouvelle valeur par un canal. La leçon 1 le montre pas à pas.</translation>
    </message>
</context>
<context>
    <name>hs::ui::DemoProcesses</name>
    <message>
        <location filename="../ui/learn/demoprocesses.cpp" line="+56"/>
        <source>The demo program handlescope-demo was not found next to HandleScope (%1). Install it with HandleScope, or set HANDLESCOPE_DEMO_PROGRAM to its path.</source>
        <translation>Le programme de démonstration handlescope-demo est introuvable à côté de HandleScope (%1). Installez-le avec HandleScope, ou indiquez son chemin dans HANDLESCOPE_DEMO_PROGRAM.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Could not create a temporary folder for the demo&apos;s channel: %1</source>
        <translation>Impossible de créer un dossier temporaire pour le canal de la démonstration : %1</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The demo %1 could not be started (%2).</source>
        <translation>La démonstration %1 n&apos;a pas pu être lancée (%2).</translation>
    </message>
</context>
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
        <location filename="../ui/dialogs/duplicatedialog.cpp" line="+53"/>
        <location line="+38"/>
        <source>Duplicate handle</source>
        <translation>Dupliquer le handle</translation>
    </message>
    <message>
        <location line="-37"/>
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
        <location line="+10"/>
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
        <location line="+16"/>
        <source>The exact calls the duplicate will make</source>
        <translation>Les appels exacts que fera la duplication</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Map</source>
        <translation>Carte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Explain</source>
        <translation>Explications</translation>
    </message>
    <message>
        <location line="+28"/>
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
        <location line="+35"/>
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
        <location line="+59"/>
        <source>Choose a target process.</source>
        <translation>Choisissez un processus cible.</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>Duplicate failed: %1</source>
        <translation>Échec de la duplication&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>hs::ui::ExplainView</name>
    <message>
        <location filename="../ui/learn/explainview.cpp" line="+42"/>
        <source>&amp;Copy Code</source>
        <translation>&amp;Copier le code</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Copy the equivalent code to the clipboard</source>
        <translation>Copier le code équivalent dans le presse-papiers</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&lt;b&gt;Equivalent code&lt;/b&gt;</source>
        <translation>&lt;b&gt;Code équivalent&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Explain</source>
        <translation>Explications</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Explain</source>
        <translation>&amp;Explications</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Select a handle: this pane explains what it is and how to share it.</source>
        <translation>Sélectionnez un handle&#xa0;: ce panneau explique ce qu&apos;il est et comment le partager.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+23"/>
        <source>Windows handles vs Linux descriptors</source>
        <translation>Handles Windows et descripteurs Linux</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>%1 %2 of %3 (pid %4)</source>
        <translation>%1 %2 de %3 (pid %4)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>It refers to: %1</source>
        <translation>Il désigne&#xa0;: %1</translation>
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
        <location line="+7"/>
        <source>Closing it</source>
        <translation>Le fermer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read next</source>
        <translation>À lire ensuite</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Share it</source>
        <translation>Le partager</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The code below takes a copy of it into a program of your own. To give it to another process, open Duplicate (Ctrl+D).</source>
        <translation>Le code ci-dessous en prend une copie dans un programme à vous. Pour le donner à un autre processus, ouvrez Dupliquer (Ctrl+D).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>This duplicate</source>
        <translation>Cette duplication</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a target process.</source>
        <translation>Choisissez un processus cible.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A new %1 in process %2 that refers to the same object.</source>
        <translation>Un nouveau %1 dans le processus %2, qui désigne le même objet.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>What HandleScope will call</source>
        <translation>Ce que HandleScope appellera</translation>
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
    <name>hs::ui::HandleMapModel</name>
    <message>
        <location filename="../ui/map/handlemapmodel.cpp" line="+169"/>
        <source>new copy</source>
        <translation>nouvelle copie</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>held</source>
        <translation>détenu</translation>
    </message>
    <message>
        <location line="+15"/>
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
        <source>State</source>
        <translation>État</translation>
    </message>
</context>
<context>
    <name>hs::ui::HandleMapView</name>
    <message>
        <location filename="../ui/map/handlemapview.cpp" line="+57"/>
        <source>read end</source>
        <translation>extrémité de lecture</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>write end</source>
        <translation>extrémité d&apos;écriture</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>both ends</source>
        <translation>les deux extrémités</translation>
    </message>
    <message numerus="yes">
        <location line="+109"/>
        <source>%n holder(s)</source>
        <translation>
            <numerusform>%n détenteur</numerusform>
            <numerusform>%n détenteurs</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failed at step %1:</source>
        <translation>Échec à l&apos;étape %1&#xa0;:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Step: %1</source>
        <translation>Étape&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>(no slot yet)</source>
        <translation>(aucun emplacement pour l&apos;instant)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>pid %1</source>
        <translation>pid %1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>new</source>
        <translation>nouveau</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>new, %1</source>
        <translation>nouveau, %1</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>(no name)</source>
        <translation>(sans nom)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>offset %1</source>
        <translation>position %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Open file description of %1 %2:</source>
        <translation>Description de fichier ouvert du %1 %2&#xa0;:</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The other end</source>
        <translation>L&apos;autre extrémité</translation>
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
        <location filename="../ui/widgets/handlepane.cpp" line="+32"/>
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
    <name>hs::ui::HandleTable</name>
    <message>
        <location filename="../ui/learn/handletable.cpp" line="+17"/>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note</source>
        <translation>Remarque</translation>
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
    <name>hs::ui::HuntDocks</name>
    <message>
        <location filename="../ui/hunt/huntdocks.cpp" line="+17"/>
        <source>Snapshot Diff</source>
        <translation>Comparaison d’instantanés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opened By</source>
        <translation>Ouvert par</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show &amp;Where Opened</source>
        <translation>Montrer &amp;où il a été ouvert</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Snapshot &amp;Diff</source>
        <translation>&amp;Comparaison d’instantanés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Opened By</source>
        <translation>&amp;Ouvert par</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the call stack that opened the selected handle (traces its process)</source>
        <translation>Montrer la pile d’appels qui a ouvert le handle sélectionné (trace son processus)</translation>
    </message>
</context>
<context>
    <name>hs::ui::LeakChart</name>
    <message>
        <location filename="../ui/leaks/leakchart.cpp" line="+44"/>
        <source>Count per &amp;type</source>
        <translation>Compter par &amp;type</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Snapshots</source>
        <translation>Instantanés</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Seconds before the last sample</source>
        <translation>Secondes avant le dernier échantillon</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Handles</source>
        <translation>Handles</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Read this process&apos;s handles in full at every sample, to stack its count by type (costs more than counting)</source>
        <translation>Lire tous les handles de ce processus à chaque échantillon, pour empiler son nombre par type (coûte plus que compter)</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Select a process to chart its handle count</source>
        <translation>Sélectionnez un processus pour tracer son nombre de handles</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>%1 (pid %2)</source>
        <translation>%1 (pid %2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No count yet: the process is not sampled, or has no handles.</source>
        <translation>Pas encore de compte : le processus n&apos;est pas échantillonné, ou n&apos;a aucun handle.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 handles, %2 a minute over the last %3 s</source>
        <translation>%1 handles, %2 par minute sur les dernières %3 s</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;b&gt;keeps growing: a leak suspect&lt;/b&gt;</source>
        <translation>&lt;b&gt;ne cesse de croître : fuite suspectée&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>hs::ui::LeakNotifier</name>
    <message>
        <location filename="../ui/leaks/leaknotifier.cpp" line="+45"/>
        <source>%1 (pid %2) keeps opening handles: %3 now, %4 a minute</source>
        <translation>%1 (pid %2) ne cesse d&apos;ouvrir des handles : %3 maintenant, %4 par minute</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>HandleScope</source>
        <translation>HandleScope</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Handle leak suspect</source>
        <translation>Fuite de handles suspectée</translation>
    </message>
</context>
<context>
    <name>hs::ui::LeakViews</name>
    <message>
        <location filename="../ui/leaks/leakviews.cpp" line="+36"/>
        <source>Handle Count Chart</source>
        <translation>Graphique du nombre de handles</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leak Suspects</source>
        <translation>Fuites suspectées</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Notify When a Watched Process Leaks</source>
        <translation>&amp;Notifier quand un processus surveillé fuit</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Show a tray notification when a process whose count the chart reads by type is flagged as leaking</source>
        <translation>Afficher une notification dans la zone de notification quand un processus dont le graphique lit le nombre par type est signalé comme fuyant</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>Sampling failed: %1</source>
        <translation>L&apos;échantillonnage a échoué : %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Counting every process&apos;s handles every %1 ms...</source>
        <translation>Comptage des handles de chaque processus toutes les %1 ms...</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sampling: the verdicts need %1 s of counts (last sample took %2 ms).</source>
        <translation>Échantillonnage : les verdicts demandent %1 s de comptes (le dernier échantillon a pris %2 ms).</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n process(es) kept growing their handles over the last %1 s (last sample took %2 ms). Double-click one to chart it.</source>
        <translation>
            <numerusform>%n processus a accru ses handles sans cesse sur les dernières %1 s (le dernier échantillon a pris %2 ms). Double-cliquez pour le tracer.</numerusform>
            <numerusform>%n processus ont accru leurs handles sans cesse sur les dernières %1 s (le dernier échantillon a pris %2 ms). Double-cliquez sur l&apos;un pour le tracer.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n more held back: the machine is too busy to sample them often enough.</source>
        <translation>
            <numerusform>%n autre retenu : la machine est trop occupée pour l&apos;échantillonner assez souvent.</numerusform>
            <numerusform>%n autres retenus : la machine est trop occupée pour les échantillonner assez souvent.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hs::ui::LearnHintBar</name>
    <message>
        <location filename="../ui/learn/learnhintbar.cpp" line="+21"/>
        <source>Start the Lesson</source>
        <translation>Commencer la leçon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No, Thanks</source>
        <translation>Non merci</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>New to handles? A guided lesson with two demo processes shows how one process shares an open file with another (Help &gt; Learn Handle Sharing).</source>
        <translation>Les handles sont nouveaux pour vous ? Une leçon guidée avec deux processus de démonstration montre comment un processus partage un fichier ouvert avec un autre (Aide &gt; Apprendre le partage de handles).</translation>
    </message>
</context>
<context>
    <name>hs::ui::LearnWindow</name>
    <message>
        <location filename="../ui/learn/learnwindow.cpp" line="+54"/>
        <source>&amp;Back</source>
        <translation>&amp;Précédent</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+103"/>
        <source>&amp;Next</source>
        <translation>&amp;Suivant</translation>
    </message>
    <message>
        <location line="-100"/>
        <source>Learn: Duplicating a Handle</source>
        <translation>Apprendre : dupliquer un handle</translation>
    </message>
    <message>
        <location line="+100"/>
        <source>&amp;Finish</source>
        <translation>&amp;Terminer</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Done: go on with Next.</source>
        <translation>Fait : continuez avec Suivant.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Do this step to unlock Next.</source>
        <translation>Faites cette étape pour débloquer Suivant.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The demo source did not say which file it holds.</source>
        <translation>La source de démonstration n&apos;a pas dit quel fichier elle détient.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The source&apos;s handles could not be read: %1</source>
        <translation>Impossible de lire les handles de la source : %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>handlescope-demo source (pid %1): holds the file</source>
        <translation>handlescope-demo source (pid %1) : détient le fichier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>handlescope-demo target (pid %1): listens on the channel</source>
        <translation>handlescope-demo cible (pid %1) : écoute sur le canal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HandleScope itself (pid %1)</source>
        <translation>HandleScope lui-même (pid %1)</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>The source already holds the file: a copy into itself would only give it a second number. Pick the target.</source>
        <translation>La source détient déjà le fichier : une copie en elle-même ne lui donnerait qu&apos;un second numéro. Choisissez la cible.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HandleScope is the tool that makes the copy, not the process that needs it. Pick the target.</source>
        <translation>HandleScope est l&apos;outil qui fait la copie, pas le processus qui en a besoin. Choisissez la cible.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Target chosen: pid %1.</source>
        <translation>Cible choisie : pid %1.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Duplicating…</source>
        <translation>Duplication…</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+6"/>
        <source>The duplicate failed: %1</source>
        <translation>La duplication a échoué : %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Done: the target (pid %1) now holds the file as %2 %3.</source>
        <translation>Fait : la cible (pid %1) détient maintenant le fichier par le %2 %3.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>new: the copy of the source&apos;s %1 %2</source>
        <translation>nouveau : la copie du %1 %2 de la source</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The target answered: it used %1 %2 and read “%3”.</source>
        <translation>La cible a répondu : elle a utilisé le %1 %2 et lu « %3 ».</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The target could not use it: %1</source>
        <translation>La cible n&apos;a pas pu s&apos;en servir : %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent “%1”.</source>
        <translation>Envoyé : « %1 ».</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The target read the file through its %1 %2: “%3”</source>
        <translation>La cible a lu le fichier par son %1 %2 : « %3 »</translation>
    </message>
    <message>
        <location filename="../ui/learn/learnwindow_pages.cpp" line="+46"/>
        <source>Starting the demo processes…</source>
        <translation>Démarrage des processus de démonstration…</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>&amp;Duplicate</source>
        <translation>&amp;Dupliquer</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>&amp;Send</source>
        <translation>&amp;Envoyer</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Waiting for the target&apos;s answer…</source>
        <translation>En attente de la réponse de la cible…</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Try It: Duplicate Again Without Telling</source>
        <translation>Essayer : dupliquer encore sans prévenir</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Next Lesson: Three Ways to Share an Object</source>
        <translation>Leçon suivante : trois façons de partager un objet</translation>
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
        <location filename="../ui/widgets/mainwindow.cpp" line="+82"/>
        <source>Log</source>
        <translation>Journal</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>HandleScope</source>
        <translation>HandleScope</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Snapshot %1</source>
        <translation>Instantané %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select a process to see its handles.</source>
        <translation>Sélectionnez un processus pour voir ses handles.</translation>
    </message>
    <message numerus="yes">
        <location line="+74"/>
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
        <location line="+4"/>
        <source>Refresh failed: %1</source>
        <translation>Échec de l’actualisation&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Duplicated into pid %1 as %2 %3</source>
        <translation>Dupliqué dans le pid %1 en tant que %2 %3</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+283"/>
        <source>Close handle</source>
        <translation>Fermer le handle</translation>
    </message>
    <message>
        <location line="-281"/>
        <source>Handle closed.</source>
        <translation>Handle fermé.</translation>
    </message>
    <message>
        <location line="+23"/>
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
        <location line="+21"/>
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
        <source>Learn &amp;Handle Sharing…</source>
        <translation>Apprendre le partage de &amp;handles…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Three Ways to Share an Object…</source>
        <translation>&amp;Trois façons de partager un objet…</translation>
    </message>
    <message>
        <location line="+3"/>
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
        <location line="+7"/>
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
        <location line="+97"/>
        <source>Select a handle to duplicate first.</source>
        <translation>Sélectionnez d’abord un handle à dupliquer.</translation>
    </message>
    <message>
        <location line="+48"/>
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
        <location line="+27"/>
        <source>About HandleScope</source>
        <translation>À propos de HandleScope</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;HandleScope %1&lt;/h3&gt;&lt;p&gt;Inspect the handles (file descriptors) of processes and duplicate them between processes.&lt;/p&gt;&lt;p&gt;Platform: %2&lt;br&gt;Qt %3&lt;/p&gt;&lt;p&gt;Log file: %4&lt;/p&gt;</source>
        <translation>&lt;h3&gt;HandleScope %1&lt;/h3&gt;&lt;p&gt;Inspecter les handles (descripteurs de fichier) des processus et les dupliquer d’un processus à l’autre.&lt;/p&gt;&lt;p&gt;Plateforme&#xa0;: %2&lt;br&gt;Qt %3&lt;/p&gt;&lt;p&gt;Fichier journal&#xa0;: %4&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow_processview.cpp" line="+27"/>
        <source>Process &amp;Tree</source>
        <translation>&amp;Arborescence des processus</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show processes under their parents, or as a flat list (Ctrl+T)</source>
        <translation>Afficher les processus sous leur parent, ou en liste simple (Ctrl+T)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show &amp;Kernel Threads</source>
        <translation>Afficher les threads du &amp;noyau</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Kernel threads (kthreadd&apos;s children) have no handles: hidden unless asked for</source>
        <translation>Les threads du noyau (enfants de kthreadd) n’ont pas de handles&#xa0;: masqués sauf sur demande</translation>
    </message>
</context>
<context>
    <name>hs::ui::ObjectMapPane</name>
    <message>
        <location filename="../ui/map/objectmappane.cpp" line="+30"/>
        <source>Select a handle: the map shows every process that holds its object.</source>
        <translation>Sélectionnez un handle&#xa0;: la carte montre chaque processus qui détient son objet.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Object Map</source>
        <translation>Carte des objets</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show Object &amp;Map</source>
        <translation>Afficher la &amp;carte des objets</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Every process that holds the selected handle&apos;s object (Ctrl+M)</source>
        <translation>Chaque processus qui détient l&apos;objet du handle sélectionné (Ctrl+M)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>a socket</source>
        <translation>un socket</translation>
    </message>
</context>
<context>
    <name>hs::ui::OpenedByModel</name>
    <message>
        <location filename="../ui/hunt/openedbymodel.cpp" line="+120"/>
        <source>%1 still open: %2</source>
        <translation>%1 encore ouverts&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Opened before tracing began, or received from another process</source>
        <translation>Ouverts avant le début du traçage, ou reçus d’un autre processus</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Opened at</source>
        <translation>Ouvert à</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Still open</source>
        <translation>Encore ouverts</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Types</source>
        <translation>Types</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Module</source>
        <translation>Module</translation>
    </message>
</context>
<context>
    <name>hs::ui::OpenedByPane</name>
    <message>
        <location filename="../ui/hunt/openedbypane.cpp" line="+28"/>
        <source>&amp;Start Tracing</source>
        <translation>&amp;Démarrer le traçage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;top</source>
        <translation>&amp;Arrêter</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Follow the calls of the selected process that open and close handles, with their call stacks (Linux, BPF: needs root)</source>
        <translation>Suivre les appels du processus sélectionné qui ouvrent et ferment des handles, avec leurs piles d’appels (Linux, BPF&#xa0;: exige root)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Start tracing, then let the program run: the handles it opens from then on are listed by the code that opened them.</source>
        <translation>Démarrez le traçage, puis laissez le programme tourner&#xa0;: les handles qu’il ouvre dès lors sont listés par le code qui les a ouverts.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Tracing %1 (pid %2)</source>
        <translation>Traçage de %1 (pid %2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Process: %1 (pid %2)</source>
        <translation>Processus&#xa0;: %1 (pid %2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select a process to trace.</source>
        <translation>Sélectionnez un processus à tracer.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Starting the tracer…</source>
        <translation>Démarrage du traceur…</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Tracing: the handles opened from now on are listed by the stack that opened them.</source>
        <translation>Traçage en cours&#xa0;: les handles ouverts à partir de maintenant sont listés par la pile qui les a ouverts.</translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>%1 open and %2 close calls in %3 s; %n site(s).</source>
        <translation>
            <numerusform>%1 appels d’ouverture et %2 de fermeture en %3 s&#xa0;; %n site.</numerusform>
            <numerusform>%1 appels d’ouverture et %2 de fermeture en %3 s&#xa0;; %n sites.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 calls were lost (the kernel&apos;s buffer was full): their handles count as opened before tracing.</source>
        <translation>%1 appels ont été perdus (le tampon du noyau était plein)&#xa0;: leurs handles comptent comme ouverts avant le traçage.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 stacks could not be walked past the system call.</source>
        <translation>%1 piles n’ont pas pu être parcourues au-delà de l’appel système.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cannot trace pid %1: %2</source>
        <translation>Impossible de tracer le pid %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pid %1 exited: its handles closed with it.</source>
        <translation>Le pid %1 s’est terminé&#xa0;: ses handles ont été fermés avec lui.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Tracing pid %1: stop it to trace pid %2.</source>
        <translation>Traçage du pid %1 en cours&#xa0;: arrêtez-le pour tracer le pid %2.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Pid %1 does not hold %2 %3 any more.</source>
        <translation>Le pid %1 ne détient plus le %2 %3.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 %2 was opened before tracing began (or received from another process): only what is opened while tracing has a stack.</source>
        <translation>Le %1 %2 a été ouvert avant le début du traçage (ou reçu d’un autre processus)&#xa0;: seul ce qui est ouvert pendant le traçage a une pile.</translation>
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
    <name>hs::ui::PrivilegeBar</name>
    <message>
        <location filename="../ui/widgets/privilegebar.cpp" line="+28"/>
        <source>Restart as Administrator</source>
        <translation>Relancer en administrateur</translation>
    </message>
    <message numerus="yes">
        <location line="+36"/>
        <source>The handles of %n process(es) are hidden: this user may not read them (most belong to other users). An administrator sees them all.</source>
        <translation>
            <numerusform>Les handles de %n processus sont masqués&#xa0;: cet utilisateur ne peut pas les lire (la plupart appartiennent à d’autres utilisateurs). Un administrateur les voit tous.</numerusform>
            <numerusform>Les handles de %n processus sont masqués&#xa0;: cet utilisateur ne peut pas les lire (la plupart appartiennent à d’autres utilisateurs). Un administrateur les voit tous.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Runs %1</source>
        <translation>Lance %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pkexec is not installed (Debian package pkexec): run sudo -E handlescope</source>
        <translation>pkexec n’est pas installé (paquet Debian pkexec)&#xa0;: lancez sudo -E handlescope</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Could not start %1: run it from a terminal to see why.</source>
        <translation>Impossible de lancer %1&#xa0;: lancez-le depuis un terminal pour voir pourquoi.</translation>
    </message>
</context>
<context>
    <name>hs::ui::ProcessModel</name>
    <message>
        <location filename="../ui/models/processmodel.cpp" line="+71"/>
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
        <location line="+75"/>
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
        <location filename="../ui/widgets/processpane.cpp" line="+37"/>
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
    <name>hs::ui::SnapshotDiffModel</name>
    <message>
        <location filename="../ui/hunt/snapshotdiffmodel.cpp" line="+47"/>
        <source>Opened</source>
        <translation>Ouvert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Closed</source>
        <translation>Fermé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Changed</source>
        <translation>Modifié</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>For example: %1</source>
        <translation>Par exemple&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Changed: %1
Before: %2</source>
        <translation>Modifié&#xa0;: %1
Avant&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Change</source>
        <translation>Variation</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name or pattern</source>
        <translation>Nom ou motif</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Count</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Process</source>
        <translation>Processus</translation>
    </message>
</context>
<context>
    <name>hs::ui::SnapshotDiffPane</name>
    <message>
        <location filename="../ui/hunt/snapshotdiffpane.cpp" line="+53"/>
        <source>Take Snapshot &amp;A</source>
        <translation>Prendre l’instantané &amp;A</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take Snapshot &amp;B</source>
        <translation>Prendre l’instantané &amp;B</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export JSON…</source>
        <translation>Exporter en JSON…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Selected process</source>
        <translation>Processus sélectionné</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Whole machine</source>
        <translation>Toute la machine</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the snapshots read: the process selected in the list, or every process</source>
        <translation>Ce que lisent les instantanés&#xa0;: le processus sélectionné dans la liste, ou tous les processus</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Read the handles now, as the state to compare with</source>
        <translation>Lire les handles maintenant, comme état de référence</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read the same handles again and show what changed since snapshot A</source>
        <translation>Relire les mêmes handles et montrer ce qui a changé depuis l’instantané A</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Scope:</source>
        <translation>Portée&#xa0;:</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>A: not taken</source>
        <translation>A&#xa0;: pas pris</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+86"/>
        <source>B: not taken</source>
        <translation>B&#xa0;: pas pris</translation>
    </message>
    <message>
        <location line="-85"/>
        <source>Take snapshot A, let the program run, then take snapshot B.</source>
        <translation>Prenez l’instantané A, laissez le programme tourner, puis prenez l’instantané B.</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Taking snapshot %1…</source>
        <translation>Prise de l’instantané %1…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Snapshot %1 failed: %2</source>
        <translation>Échec de l’instantané %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Snapshot A taken. Let the program run, then take snapshot B.</source>
        <translation>Instantané A pris. Laissez le programme tourner, puis prenez l’instantané B.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 (pid %2)</source>
        <translation>%1 (pid %2)</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>whole machine, %n process(es)</source>
        <translation>
            <numerusform>toute la machine, %n processus</numerusform>
            <numerusform>toute la machine, %n processus</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1: %2 at %3, %n handle(s)</source>
        <translation>
            <numerusform>%1&#xa0;: %2 à %3, %n handle</numerusform>
            <numerusform>%1&#xa0;: %2 à %3, %n handles</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Comparing A and B…</source>
        <translation>Comparaison de A et B…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 opened, %2 closed, %3 changed between A and B.</source>
        <translation>%1 ouverts, %2 fermés, %3 modifiés entre A et B.</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n process(es) started, %1 exited (their handles are not listed).</source>
        <translation>
            <numerusform>%n processus démarré, %1 terminés (leurs handles ne sont pas listés).</numerusform>
            <numerusform>%n processus démarrés, %1 terminés (leurs handles ne sont pas listés).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Nothing to export: take snapshots A and B first.</source>
        <translation>Rien à exporter&#xa0;: prenez d’abord les instantanés A et B.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+2"/>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d’écrire %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Export diff as JSON</source>
        <translation>Exporter la comparaison en JSON</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Export diff as CSV</source>
        <translation>Exporter la comparaison en CSV</translation>
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
</context>
<context>
    <name>hs::ui::SuspectModel</name>
    <message>
        <location filename="../ui/leaks/suspectmodel.cpp" line="+77"/>
        <source>(reading its handles by type...)</source>
        <translation>(lecture de ses handles par type...)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 +%2</source>
        <translation>%1 +%2</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>%1 (pid %2): its lowest handle count rose in each third of the last %3 s, from %4 to %5 now</source>
        <translation>%1 (pid %2) : son nombre de handles le plus bas a monté dans chaque tiers des dernières %3 s, de %4 à %5 maintenant</translation>
    </message>
    <message>
        <location line="+34"/>
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
        <source>Growth/min</source>
        <translation>Croissance/min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Baseline</source>
        <translation>Base</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Now</source>
        <translation>Maintenant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What grows</source>
        <translation>Ce qui croît</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Handles added per minute over the window (least-squares slope)</source>
        <translation>Handles ajoutés par minute sur la fenêtre (pente des moindres carrés)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The lowest count in the first third of the window</source>
        <translation>Le nombre le plus bas du premier tiers de la fenêtre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The handle types whose count grew while the process was read by type</source>
        <translation>Les types de handles dont le nombre a crû pendant que le processus était lu par type</translation>
    </message>
</context>
<context>
    <name>hs::ui::ThreeWaysWindow</name>
    <message>
        <location filename="../ui/learn/threewayswindow.cpp" line="+30"/>
        <source>Learn: Three Ways to Share an Object</source>
        <translation>Apprendre : trois façons de partager un objet</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Run &amp;All Three</source>
        <translation>Lancer les &amp;trois</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Inheritance</source>
        <translation>Héritage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A named object</source>
        <translation>Un objet nommé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duplication</source>
        <translation>Duplication</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The duplicate failed: %1</source>
        <translation>La duplication a échoué : %1</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>&amp;Run</source>
        <translation>&amp;Lancer</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Running…</source>
        <translation>En cours…</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>The child used %1 %2, the value its parent opened: inherited, not copied by anyone.</source>
        <translation>L&apos;enfant a utilisé le %1 %2, la valeur que son parent avait ouverte : héritée, copiée par personne.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The second process opened the object by its name and got its own %1 %2.</source>
        <translation>Le second processus a ouvert l&apos;objet par son nom et a obtenu son propre %1 %2.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The target was given a copy as %1 %2 and told its value; it read the file through it.</source>
        <translation>La cible a reçu une copie, le %1 %2, et on lui a indiqué sa valeur ; elle a lu le fichier par elle.</translation>
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
        <location filename="../ui/window/windowcontroller.cpp" line="+127"/>
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
