#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes the seed corpora of tests/fuzz/corpus/<fuzzer>/: real text this machine's kernel
gives for fds and sockets this script opens (and for pid 1, a kernel thread, a zombie, a
thread with a hostile name), plus hostile variants: cut lines, huge numbers, missing
fields, names with spaces, parentheses and newlines.

Run from anywhere, as root for fanotify and packet sockets (without, those seeds are
skipped). Files of the same name are overwritten; others (crash-* regression inputs found
by fuzzing) are kept. The seeds differ a little from one machine and run to the next:
check in what you regenerated only when it adds something.
"""

import ctypes
import errno
import os
import select
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time

CORPUS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus")
MAX_SEED = 4096  # bytes: small seeds keep libFuzzer's inputs short and fast

libc = ctypes.CDLL(None, use_errno=True)
libc.syscall.restype = ctypes.c_long


def write(fuzzer, name, data):
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogateescape")
    data = data[:MAX_SEED]
    d = os.path.join(CORPUS, fuzzer)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def read(path):
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError:
        return None


def first_lines(data, n):
    return b"".join(data.splitlines(keepends=True)[:n])


def set_thread_name(name):
    libc.prctl(15, ctypes.c_char_p(name), 0, 0, 0)  # PR_SET_NAME, at most 15 bytes


# --- /proc/PID/stat, /proc/PID/status, /proc/PID/cmdline -----------------------------

HOSTILE_NAMES = [b"a) (b", b") S 1 2 3", b"x\ny) Z 0", b"((((", b"))))", b"sp ace (1)", b"\xff\xfe\x80 x",
                 b"tab\there", b"0123456789abcde"]


def proc_texts():
    # Our own processes only (and kthreadd): nothing of whatever else runs on the machine.
    child = subprocess.Popen(["sleep", "30"])
    time.sleep(0.1)
    for which, pid in (("self", "self"), ("child", str(child.pid)), ("kthreadd", "2")):
        for kind in ("stat", "status", "cmdline"):
            text = read(f"/proc/{pid}/{kind}")
            if text is not None:
                write(f"fuzz_{kind}", f"real-{which}", text)
    child.kill()
    child.wait()

    # A thread of ours, named by hand: comm may hold anything but NUL.
    def named_thread(results):
        tid = threading.get_native_id()
        original = read(f"/proc/self/task/{tid}/comm").rstrip(b"\n")
        for i, name in enumerate(HOSTILE_NAMES):
            set_thread_name(name)
            results.append((i, read(f"/proc/self/task/{tid}/stat"), read(f"/proc/self/task/{tid}/status")))
        set_thread_name(original)

    results = []
    t = threading.Thread(target=named_thread, args=(results,))
    t.start()
    t.join()
    for i, stat, status in results:
        write("fuzz_stat", f"real-thread-name-{i}", stat)
        write("fuzz_status", f"real-thread-name-{i}", status)

    # A zombie: a child that exited and is not reaped yet.
    pid = os.fork()
    if pid == 0:
        os._exit(0)
    time.sleep(0.2)
    write("fuzz_stat", "real-zombie", read(f"/proc/{pid}/stat") or b"")
    write("fuzz_status", "real-zombie", read(f"/proc/{pid}/status") or b"")
    os.waitpid(pid, 0)

    stat = read("/proc/self/stat")
    close = stat.rindex(b")")
    fields = stat[close + 2:].split(b" ")
    start = close + 2 + sum(len(f) + 1 for f in fields[:19])  # offset of field 22 (start time)
    write("fuzz_stat", "cut-after-name", stat[:close + 1])
    write("fuzz_stat", "cut-inside-starttime", stat[:start + max(1, len(fields[19]) // 2)])
    write("fuzz_stat", "cut-after-starttime", stat[:start + len(fields[19])])
    write("fuzz_stat", "cut-half", stat[:len(stat) // 2])
    huge = list(fields)
    huge[1] = huge[19] = b"99999999999999999999999"
    write("fuzz_stat", "huge-numbers", stat[:close + 2] + b" ".join(huge))
    negative = list(fields)
    negative[19] = b"-100"
    write("fuzz_stat", "negative-starttime", stat[:close + 2] + b" ".join(negative))
    write("fuzz_stat", "missing-fields", stat[:close + 2] + b" ".join(fields[:10]))
    write("fuzz_stat", "two-char-state", stat[:close + 2] + b"SS " + b" ".join(fields[1:]))
    write("fuzz_stat", "no-close-paren", stat.replace(b")", b" "))
    write("fuzz_stat", "close-before-open", b"1 )bash( S 0 1 1 0 -1 4194560 0 0 0 0 0 0 0 0 20 0 1 0 100 0 1")
    write("fuzz_stat", "nul-in-fields", stat[:close + 2] + b"S\0 " + b" ".join(fields[1:]))
    write("fuzz_stat", "newline-separators", stat[:close + 2] + b"\n".join(fields))
    write("fuzz_stat", "name-with-fields", b"7 (x) S 1 2 3) S 0 1 1 0 -1 4194560 0 0 0 0 0 0 0 0 20 0 1 0 100 0 0\n")

    status = read("/proc/self/status")
    write("fuzz_status", "no-uid-line", b"".join(l for l in status.splitlines(True) if not l.startswith(b"Uid:")))
    write("fuzz_status", "uid-empty", b"Name:\tx\nUid:\nGid:\t0\t0\t0\t0\n")
    write("fuzz_status", "uid-negative", b"Uid:\t-1\t0\t0\t0\n")
    write("fuzz_status", "uid-huge", b"Uid:\t99999999999999999999999\t0\t0\t0\n")
    write("fuzz_status", "uid-last-no-newline", b"Name:\tx\nUid:\t1000")
    write("fuzz_status", "uid-not-at-line-start", b"Name:\tUid: 5\nxUid:\t7\n")
    write("fuzz_status", "uid-crlf", b"Name:\tx\r\nUid:\t1000\t1000\t1000\t1000\r\n")
    write("fuzz_status", "cut-in-uid", status[:status.index(b"Uid:") + 6])

    write("fuzz_cmdline", "args-with-spaces", b"cp\0my file\0dst dir/\0")
    write("fuzz_cmdline", "trailing-nuls", b"sh\0-c\0\0\0\0")
    write("fuzz_cmdline", "only-nuls", b"\0\0\0")
    write("fuzz_cmdline", "setproctitle", b"postgres: writer process   \0\0\0\0\0\0\0\0")
    write("fuzz_cmdline", "newline-non-utf8", b"echo\0a\nb\0\xff\xfe\0")


# --- /proc/PID/fd/N links and /proc/PID/fdinfo/N -------------------------------------

class Timespec(ctypes.Structure):
    _fields_ = [("sec", ctypes.c_long), ("nsec", ctypes.c_long)]


class Itimerspec(ctypes.Structure):
    _fields_ = [("interval", Timespec), ("value", Timespec)]


def open_fds(tmp):
    """(name, fd) for one fd of every type we can make, kept open by the caller."""
    fds = []

    def add(name, make):
        try:
            fd = make()
            if fd is not None and fd >= 0:
                fds.append((name, fd))
        except OSError:
            pass

    path = os.path.join(tmp, "file with (parens) and spaces")
    with open(path, "wb") as f:
        f.write(b"x" * 100)

    def regular():
        fd = os.open(path, os.O_RDONLY)
        os.read(fd, 42)
        return fd
    add("file", regular)
    add("file-append-nonblock", lambda: os.open(path, os.O_WRONLY | os.O_APPEND | os.O_NONBLOCK | os.O_CLOEXEC))
    add("dir", lambda: os.open(tmp, os.O_RDONLY | os.O_DIRECTORY))
    add("chr", lambda: os.open("/dev/null", os.O_RDWR))
    add("opath", lambda: os.open(path, os.O_PATH))

    def deleted():
        p = os.path.join(tmp, "gone\nwith newline")
        fd = os.open(p, os.O_RDWR | os.O_CREAT, 0o600)
        os.unlink(p)
        return fd
    add("deleted", deleted)
    r, w = os.pipe()
    fds += [("pipe-read", r), ("pipe-write", w)]
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    fds.append(("socket", s.detach()))
    add("eventfd", lambda: os.eventfd(5))

    def timerfd():
        fd = libc.timerfd_create(1, 0)  # CLOCK_MONOTONIC
        spec = Itimerspec(Timespec(1, 500000000), Timespec(100, 0))
        libc.timerfd_settime(fd, 0, ctypes.byref(spec), None)
        return fd
    add("timerfd", timerfd)

    def signalfd():
        mask = (ctypes.c_ulong * 16)()
        mask[0] = (1 << (signal.SIGUSR1 - 1)) | (1 << (signal.SIGUSR2 - 1))
        return libc.signalfd(-1, ctypes.byref(mask), 0)
    add("signalfd", signalfd)

    def epoll():
        ep = select.epoll()
        ep.register(r, select.EPOLLIN)
        ep.register(w, select.EPOLLOUT | select.EPOLLET)
        return os.dup(ep.fileno())  # the dup shares the interest list
    add("epoll", epoll)

    def inotify():
        fd = libc.inotify_init1(0)
        libc.inotify_add_watch(fd, tmp.encode(), 0xfff)
        libc.inotify_add_watch(fd, path.encode(), 0x2)
        return fd
    add("inotify", inotify)

    def fanotify():
        fd = libc.fanotify_init(0, os.O_RDONLY)  # FAN_CLASS_NOTIF; needs CAP_SYS_ADMIN
        if fd >= 0:
            libc.fanotify_mark(fd, 1, ctypes.c_uint64(0x20), -100, tmp.encode())  # ADD, FAN_OPEN, AT_FDCWD
        return fd
    add("fanotify", fanotify)
    add("pidfd", lambda: os.pidfd_open(os.getpid()))

    def memfd():
        fd = os.memfd_create("seed name (1)", 0)
        os.write(fd, b"abc")
        return fd
    add("memfd", memfd)

    def io_uring():
        params = ctypes.create_string_buffer(120)
        return libc.syscall(425, 4, params)  # io_uring_setup
    add("io_uring", io_uring)
    add("userfaultfd", lambda: libc.syscall(323, 0))
    add("nsfs", lambda: os.open("/proc/self/ns/net", os.O_RDONLY))
    return fds


def fd_texts():
    with tempfile.TemporaryDirectory(prefix="hs-seeds-") as tmp:
        for name, fd in open_fds(tmp):
            link = os.readlink(f"/proc/self/fd/{fd}").encode("utf-8", "surrogateescape")
            write("fuzz_fdlink", f"real-{name}", link)
            write("fuzz_fdinfo", f"real-{name}", read(f"/proc/self/fdinfo/{fd}") or b"")
    for name, link in [
        ("deleted-spaces", "/tmp/my file (deleted)"), ("deleted-only", " (deleted)"), ("root-deleted", "/ (deleted)"),
        ("memfd-not-deleted", "/memfd:x"), ("memfd-empty", "/memfd: (deleted)"), ("socket-open", "socket:["),
        ("socket-empty", "socket:[]"), ("socket-huge", "socket:[18446744073709551616]"), ("pipe-cut", "pipe:[12"),
        ("anon-bare", "anon_inode:"), ("anon-open", "anon_inode:["), ("anon-empty", "anon_inode:[]"),
        ("anon-inotify-old", "anon_inode:inotify"), ("anon-unknown", "anon_inode:[kvm-vm]"),
        ("pidfs", "pidfd:[5]"), ("ns-open", "x:["), ("ns-empty", "a:[]"), ("ns-reversed", "net:]4026531840["),
        ("newline", "/path\nwith newline"), ("relative", "relative/path"), ("empty", ""),
    ]:
        write("fuzz_fdlink", name, link)
    for name, text in [
        ("pos-huge", "pos:\t99999999999999999999999\nflags:\t02\nmnt_id:\t1\nino:\t5\n"),
        ("flags-not-octal", "pos:\t0\nflags:\t0999\nmnt_id:\t1\n"),
        ("flags-overflow", "pos:\t0\nflags:\t077777777777777\n"),
        ("flags-all", "flags:\t037777777777\n"),
        ("mnt-negative", "mnt_id:\t-5\nino:\t-1\n"),
        ("no-colons", "pos 0\nflags 02\n"),
        ("empty-key", ": value\n:\n::\n"),
        ("timerfd-cut", "clockid: 1\nticks: 0\nsettime flags: 0\nit_value: (1, \nit_interval: (\n"),
        ("timerfd-huge", "it_value: (99999999999999999999, 5)\nit_interval: (0, 99999999999999999999)\n"),
        ("timerfd-reversed", "it_value: )1, 2(\nit_interval: (1 2)\n"),
        ("eventfd-huge", "eventfd-count: ffffffffffffffffffff\neventfd-id: -1\n"),
        ("tfd-no-space", "tfd:5\ntfd:\n"),
        ("inotify-no-space", "inotify wd:1\ninotify wd:\n"),
        ("crlf-tabs", "pos:\t\t0\r\nflags:\t02 \r\n\tino : 5\r\n"),
        ("cut-mid-line", "pos:\t0\nflags:\t0100"),
        ("pidfd-bad", "Pid:\t-1\nNSpid:\t\n"),
        ("long-key", "k" * 600 + ": v\n"),
    ]:
        write("fuzz_fdinfo", name, text)


# --- /proc/PID/net/* --------------------------------------------------------------------

def open_sockets(tmp):
    keep = []

    def pair(family, host):
        server = socket.socket(family, socket.SOCK_STREAM)
        server.bind((host, 0))
        server.listen()
        client = socket.create_connection(server.getsockname()[:2])
        accepted, _ = server.accept()
        keep.extend([server, client, accepted])
        for kind in (socket.SOCK_DGRAM,):
            u = socket.socket(family, kind)
            u.bind((host, 0))
            v = socket.socket(family, kind)
            v.connect(u.getsockname()[:2])
            keep.extend([u, v])

    pair(socket.AF_INET, "127.0.0.1")
    try:
        pair(socket.AF_INET6, "::1")
    except OSError:
        pass
    for name in ("seed sock (1)", "seed\nnewline"):
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        s.bind(os.path.join(tmp, name))
        s.listen()
        c = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        c.connect(os.path.join(tmp, name))
        a, _ = s.accept()
        keep.extend([s, c, a])
    abstract = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    abstract.bind(b"\0hs seed abstract")
    keep.append(abstract)
    keep.extend(socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET))
    nl = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 0)
    nl.bind((0, 0))
    keep.append(nl)
    try:
        keep.append(socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(0x0003)))
        keep.append(socket.socket(socket.AF_PACKET, socket.SOCK_DGRAM, socket.htons(0x0800)))
    except OSError:
        pass
    return keep


def own_lines(text, inodes, column):
    """The header and the lines of our own sockets (by the inode in `column`)."""
    lines = text.splitlines(True)
    keep = [lines[0]]
    for line in lines[1:]:
        words = line.split()
        if len(words) > column and words[column].isdigit() and int(words[column]) in inodes:
            keep.append(line)
        elif keep[-1] is not lines[0] and len(words) < 7:
            keep.append(line)  # the rest of a UNIX path with a newline in it
    return b"".join(keep)


def net_texts(inodes):
    columns = {"tcp": 9, "tcp6": 9, "udp": 9, "udp6": 9, "unix": 6}
    for table, fuzzer in (("tcp", "net_inet"), ("tcp6", "net_inet"), ("udp", "net_inet"), ("udp6", "net_inet"),
                          ("unix", "net_unix"), ("netlink", "net_netlink"), ("packet", "net_packet")):
        text = read(f"/proc/self/net/{table}")
        if not text:
            continue
        text = own_lines(text, inodes, columns[table]) if table in columns else first_lines(text, 25)
        write(f"fuzz_{fuzzer}", f"real-{table}", text)
        lines = text.splitlines(True)
        write(f"fuzz_{fuzzer}", f"{table}-header-only", lines[0])
        if len(lines) > 1:
            write(f"fuzz_{fuzzer}", f"{table}-no-header", b"".join(lines[1:]))
            write(f"fuzz_{fuzzer}", f"{table}-cut-mid-line", lines[0] + lines[1][:len(lines[1]) // 2])
            words = lines[1].split()
            huge = b" ".join(b"99999999999999999999999" if w.isdigit() else w for w in words) + b"\n"
            write(f"fuzz_{fuzzer}", f"{table}-huge-numbers", lines[0] + huge)
            write(f"fuzz_{fuzzer}", f"{table}-missing-fields", lines[0] + b" ".join(words[:len(words) // 2]) + b"\n")
            write(f"fuzz_{fuzzer}", f"{table}-tabs", lines[0] + lines[1].replace(b" ", b"\t"))
    head = b"  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n"
    write("fuzz_net_inet", "bad-addresses",
          head + b"   0: 0100007G:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1 1\n"
                 b"   1: 0100007F:FFFFFFFFF 0:0 01 00000000:00000000 00:00000000 00000000     0        0 2 1\n"
                 b"   2: 00000000000000000000000001000000:0016 :0 FF 0:0 0:0 0 0 0 0 3\n"
                 b"   3: 0100007F:1F90 00000000:0000 0A 0 0 0 0 0 0 -1\n")
    write("fuzz_net_unix", "odd-paths",
          b"Num       RefCount Protocol Flags    Type St Inode Path\n"
          b"0000000000000000: 00000002 00000000 00010000 0001 01 17 /run/with space (1)\n"
          b"0000000000000000: 00000002 00000000 00000000 0002 01 18 @abstract\x00nul\n"
          b"0000000000000000: 00000002 00000000 FFFFFFFFF 0005 03 19\n"
          b"0000000000000000: 00000002 00000000 00000000 0001 03 0 /inode/zero\n"
          b"0000000000000000: 00000002 00000000 00000000 0001 03 -20 /inode/negative\n")
    write("fuzz_net_netlink", "odd-protocols",
          b"sk               Eth Pid        Groups   Rmem     Wmem     Dump  Locks    Drops    Inode\n"
          b"0000000000000000 22  1          00000000 0        0        0     2        0        30\n"
          b"0000000000000000 23  1          00000000 0        0        0     2        0        31\n"
          b"0000000000000000 -1  1          00000000 0        0        0     2        0        32\n"
          b"0000000000000000 99999999999 1 00000000 0        0        0     2        0        33\n")
    write("fuzz_net_packet", "odd-types",
          b"sk       RefCnt Type Proto  Iface R Rmem   User   Inode\n"
          b"0000000000000000 3 10 0003 -1 1 0 0 40\n"
          b"0000000000000000 3 3 0003 99999999999 1 0 0 41\n")


# --- sock_diag replies ------------------------------------------------------------------

NLMSG_DONE, NLMSG_ERROR, SOCK_DIAG_BY_FAMILY = 3, 2, 20


def nlmsg(kind, payload, flags=0x2):  # NLM_F_MULTI
    length = 16 + len(payload)
    return struct.pack("=IHHII", length, kind, flags, 1, 0) + payload + b"\0" * (-length % 4)


def dump(request):
    s = socket.socket(socket.AF_NETLINK, socket.SOCK_DGRAM, 4)  # NETLINK_SOCK_DIAG
    s.send(struct.pack("=IHHII", 16 + len(request), SOCK_DIAG_BY_FAMILY, 0x301, 1, 0) + request)
    replies = []
    while True:
        data = s.recv(65536)
        replies.append(data)
        if len(data) < 16 or struct.unpack_from("=H", data, 4)[0] in (NLMSG_DONE, NLMSG_ERROR) or len(replies) > 50:
            break
        done = False
        off = 0
        while off + 16 <= len(data):
            length, kind = struct.unpack_from("=IH", data, off)
            if kind in (NLMSG_DONE, NLMSG_ERROR) or length < 16:
                done = True
                break
            off += (length + 3) & ~3
        if done:
            break
    s.close()
    return replies


def message_inode(message, family):
    if len(message) < 24:
        return None
    offset = 16 + (4 if family == socket.AF_UNIX else 68)  # udiag_ino / idiag_inode
    return struct.unpack_from("=I", message, offset)[0] if len(message) >= offset + 4 else None


def own_replies(replies, family, inodes):
    """The replies with only the messages of our own sockets."""
    kept = (b"".join(m for m in messages(r) if message_inode(m, family) in inodes) for r in replies)
    return [r for r in kept if r]


def messages(reply):
    out, off = [], 0
    while off + 16 <= len(reply):
        length = struct.unpack_from("=I", reply, off)[0]
        if length < 16:
            break
        out.append(reply[off:off + ((length + 3) & ~3)])
        off += (length + 3) & ~3
    return out


def diag_seed(selector, replies):
    """The fuzzer's format: selector byte, then replies as 2-byte length + bytes, cut to MAX_SEED."""
    out = bytes([selector])
    for r in replies:
        body = b""
        for m in messages(r):
            if len(out) + 2 + len(body) + len(m) > MAX_SEED - 24:
                break
            body += m
        out += struct.pack("<H", len(body)) + body
    done = nlmsg(NLMSG_DONE, struct.pack("=i", 0))
    return out + struct.pack("<H", len(done)) + done


def unix_msg(ino, kind=1, state=1, attrs=b""):
    # unix_diag_msg: family, type, state, pad, ino, cookie[2]
    return nlmsg(SOCK_DIAG_BY_FAMILY, struct.pack("=BBBBIII", socket.AF_UNIX, kind, state, 0, ino, 0, 0) + attrs)


def rta(kind, value, length=None):
    n = 4 + len(value) if length is None else length
    return struct.pack("=HH", n, kind) + value + b"\0" * (-(4 + len(value)) % 4)


def diag_texts(inodes):
    selectors = [(0, socket.AF_INET, 6), (1, socket.AF_INET, 17), (2, socket.AF_INET6, 6), (3, socket.AF_INET6, 17)]
    for sel, family, proto in selectors:
        request = struct.pack("=BBBBI", family, proto, 0, 0, ~((1 << 6) | (1 << 12)) & 0xffffffff) + bytes(48)
        replies = own_replies(dump(request), family, inodes)
        write("fuzz_sock_diag", f"real-inet-{sel}", diag_seed(sel, replies))
        write("fuzz_sock_diag", f"real-inet-{sel}-filtered", diag_seed(sel | 0x80, replies))
    request = struct.pack("=BBHIIIII", socket.AF_UNIX, 0, 0, 0xffffffff, 0, 0x1 | 0x4, 0, 0)  # NAME | PEER
    replies = own_replies(dump(request), socket.AF_UNIX, inodes)
    write("fuzz_sock_diag", "real-unix", diag_seed(4, replies))
    write("fuzz_sock_diag", "real-unix-filtered", diag_seed(4 | 0x80, replies))
    # One reply per message: the peers come in later replies than the sockets naming them.
    split = [m for r in replies for m in messages(r)][:40]
    write("fuzz_sock_diag", "real-unix-one-per-reply", diag_seed(4, split))

    name, peer = 0, 4  # UNIX_DIAG_NAME, UNIX_DIAG_PEER
    hostile = {
        "unix-peers": [unix_msg(1, 1, 10, rta(name, b"/run/listen\0")) + unix_msg(2, 1, 1, rta(peer, struct.pack("=I", 3)))
                       + unix_msg(3, 1, 1, rta(name, b"\0abstract") + rta(peer, struct.pack("=I", 2)))],
        "unix-name-no-nul": [unix_msg(1, 2, 7, rta(name, b"abcdefgh"))],
        "unix-attr-too-long": [unix_msg(1, 5, 7, rta(name, b"/x\0\0", length=0xffff))],
        "unix-attr-zero-length": [unix_msg(1, 1, 1, rta(name, b"", length=0) + rta(peer, b"\1\0\0\0"))],
        "unix-peer-short": [unix_msg(1, 1, 1, rta(peer, b"\1\0"))],
        "unix-short-message": [nlmsg(SOCK_DIAG_BY_FAMILY, b"\1\1")],
        "unix-inode-0": [unix_msg(0, 1, 1, rta(name, b"/zero\0"))],
        "nlmsg-len-too-big": [struct.pack("=IHHII", 0xffffffff, SOCK_DIAG_BY_FAMILY, 2, 1, 0) + bytes(16)],
        "nlmsg-len-too-small": [struct.pack("=IHHII", 4, SOCK_DIAG_BY_FAMILY, 2, 1, 0) + bytes(16)],
        "nlmsg-error": [nlmsg(NLMSG_ERROR, struct.pack("=i", -errno.EPERM) + bytes(16))],
        "reply-cut-in-header": [unix_msg(5, 1, 1)[:10]],
        "empty-replies": [b"", b""],
    }
    for label, replies in hostile.items():
        data = bytes([4])
        for r in replies:
            data += struct.pack("<H", len(r)) + r
        write("fuzz_sock_diag", label, data)
    # An inet message: family, state, timer, retrans, sockid (ports, addresses, if, cookie), expires, rqueue,
    # wqueue, uid, inode.
    sockid = struct.pack(">HH", 8080, 0) + bytes(32) + struct.pack("=III", 0, 0, 0)
    inet = nlmsg(SOCK_DIAG_BY_FAMILY, struct.pack("=BBBB", 2, 99, 0, 0) + sockid + struct.pack("=IIIII", 0, 0, 0, 0, 77))
    write("fuzz_sock_diag", "inet-state-out-of-range", bytes([0]) + struct.pack("<H", len(inet)) + inet)
    write("fuzz_sock_diag", "inet-cut-message", bytes([2]) + struct.pack("<H", 40) + inet[:40])


# --- the CLI's command line -------------------------------------------------------------

def args_texts():
    commands = {"ps": 0, "handles": 1, "find": 2, "holders": 3, "snapshot": 4, "dup": 5, "close": 6, "odd": 7}
    for label, command, words in [
        ("ps", "ps", []), ("ps-json", "ps", ["--json"]),
        ("handles", "handles", ["1234"]), ("handles-type-json", "handles", ["1234", "--type", "socket", "--json"]),
        ("handles-type-inline", "handles", ["1234", "--type=socket,eventfd", "--csv"]),
        ("find", "find", [".log"]), ("find-regex", "find", ["--regex", "^/dev/(pts|tty)"]),
        ("holders-inode", "holders", ["--inode", "0:15:123456"]), ("holders-path", "holders", ["/var/log/syslog"]),
        ("snapshot", "snapshot", ["--json", "--full"]),
        ("dup", "dup", ["--from", "1234", "--handle", "5", "--to", "5678", "--yes"]),
        ("dup-hex", "dup", ["--from=1", "--handle=0x1a4", "--to=2", "--access", "0x1f01ff", "--timeout", "500"]),
        ("close", "close", ["--pid", "1234", "--handle", "5", "--yes"]),
        ("help", "dup", ["--help=x", "-h"]),
        ("missing-value", "close", ["--pid"]),
        ("negative-looks-positional", "handles", ["-5"]),
        ("dash-words", "odd", ["-", "--", "-x=", "=", "--=", "-1", ""]),
        ("huge-numbers", "close", ["--pid", "99999999999999999999999", "--handle", "0xffffffffffffffffff"]),
        ("zero-and-signs", "close", ["--pid", "0", "--handle", "+5", "--timeout", "-0"]),
        ("hex-edge", "dup", ["--handle", "0x", "--from", "0x-1", "--to", "00000000000000000000001"]),
        ("unknown-option", "ps", ["--jsonx"]), ("flag-with-value", "ps", ["--json=1"]),
        ("too-many", "handles", ["1", "2", "3"]), ("newline-space", "find", ["a b\nc", "--type", ""]),
    ]:
        write("fuzz_args", label, bytes([commands[command]]) + b"\0".join(w.encode() for w in words))


def main():
    if sys.platform != "linux":
        sys.exit("make_corpus.py: Linux only")
    proc_texts()
    fd_texts()
    with tempfile.TemporaryDirectory(prefix="hs-seeds-") as tmp:
        sockets = open_sockets(tmp)
        inodes = {os.fstat(s.fileno()).st_ino for s in sockets}
        net_texts(inodes)
        diag_texts(inodes)
        for s in sockets:
            s.close()
    args_texts()
    total = sum(len(files) for _, _, files in os.walk(CORPUS))
    print(f"make_corpus.py: {total} seeds under {CORPUS}")


if __name__ == "__main__":
    main()
