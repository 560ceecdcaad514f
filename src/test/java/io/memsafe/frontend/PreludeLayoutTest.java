package io.memsafe.frontend;

import io.memsafe.ir.DataModel;
import io.memsafe.ir.Diagnostic;
import io.memsafe.ir.Program;
import io.memsafe.ir.Type;
import io.memsafe.ir.Variable;
import org.eclipse.cdt.core.dom.ast.ASTVisitor;
import org.eclipse.cdt.core.dom.ast.IASTDeclaration;
import org.eclipse.cdt.core.dom.ast.IASTEnumerationSpecifier;
import org.eclipse.cdt.core.dom.ast.IASTName;
import org.eclipse.cdt.core.dom.ast.IASTSimpleDeclaration;
import org.eclipse.cdt.core.dom.ast.IBinding;
import org.eclipse.cdt.core.dom.ast.IEnumerator;
import org.eclipse.cdt.core.dom.ast.IProblemBinding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The bundled prelude (prelude.h and prelude-posix.h) against the real C library: the sizes and member
 * offsets memsafe lays out for its types, and the values of its constants, are those gcc gives with
 * the system's glibc headers (x86-64, LP64); and every POSIX header name it stands in for parses, as
 * C and as C++, with the names a program takes from it resolved.
 */
class PreludeLayoutTest {
    @TempDir
    Path dir;

    /** A type (as C spells it) and the members whose offsets are compared; a member path may go through nested members (a.b). */
    private record Probe(String type, List<String> members) {
        static Probe of(String type, String... members) { return new Probe(type, List.of(members)); }
    }

    private static final List<Probe> PROBES = List.of(
            Probe.of("struct stat", "st_dev", "st_ino", "st_nlink", "st_mode", "st_uid", "st_gid", "st_rdev", "st_size", "st_blksize", "st_blocks", "st_atim", "st_mtim", "st_ctim"),
            Probe.of("struct tm", "tm_sec", "tm_isdst", "tm_gmtoff", "tm_zone"),
            Probe.of("struct timeval", "tv_sec", "tv_usec"),
            Probe.of("struct timespec", "tv_sec", "tv_nsec"),
            Probe.of("struct timezone", "tz_dsttime"),
            Probe.of("struct itimerval", "it_value"),
            Probe.of("struct itimerspec", "it_value"),
            Probe.of("struct utimbuf", "modtime"),
            Probe.of("struct sockaddr", "sa_data"),
            Probe.of("struct in_addr", "s_addr"),
            Probe.of("struct in6_addr", "__in6_u"),
            Probe.of("struct sockaddr_in", "sin_port", "sin_addr", "sin_zero"),
            Probe.of("struct sockaddr_in6", "sin6_port", "sin6_flowinfo", "sin6_addr", "sin6_scope_id"),
            Probe.of("struct sockaddr_un", "sun_path"),
            Probe.of("struct sockaddr_storage", "ss_family"),
            Probe.of("struct ip_mreq", "imr_interface"),
            Probe.of("struct ipv6_mreq", "ipv6mr_interface"),
            Probe.of("struct addrinfo", "ai_flags", "ai_family", "ai_socktype", "ai_protocol", "ai_addrlen", "ai_addr", "ai_canonname", "ai_next"),
            Probe.of("struct hostent", "h_aliases", "h_addrtype", "h_length", "h_addr_list"),
            Probe.of("struct servent", "s_aliases", "s_port", "s_proto"),
            Probe.of("struct protoent", "p_proto"),
            Probe.of("struct iovec", "iov_base", "iov_len"),
            Probe.of("struct msghdr", "msg_namelen", "msg_iov", "msg_iovlen", "msg_control", "msg_controllen", "msg_flags"),
            Probe.of("struct cmsghdr", "cmsg_level", "cmsg_type"),
            Probe.of("struct linger", "l_linger"),
            Probe.of("struct ucred", "uid", "gid"),
            Probe.of("struct udphdr", "uh_sport", "uh_dport", "uh_ulen", "uh_sum"),
            Probe.of("struct ifmap", "mem_end", "base_addr", "irq", "dma", "port"),
            Probe.of("struct ifreq", "ifr_ifrn", "ifr_ifru"),
            Probe.of("struct ifconf", "ifc_ifcu"),
            Probe.of("struct if_nameindex", "if_name"),
            Probe.of("struct ifaddrs", "ifa_name", "ifa_flags", "ifa_addr", "ifa_netmask", "ifa_ifu", "ifa_data"),
            Probe.of("struct pollfd", "fd", "events", "revents"),
            Probe.of("fd_set"),
            Probe.of("struct dirent", "d_ino", "d_off", "d_reclen", "d_type", "d_name"),
            Probe.of("struct passwd", "pw_passwd", "pw_uid", "pw_gid", "pw_gecos", "pw_dir", "pw_shell"),
            Probe.of("struct group", "gr_passwd", "gr_gid", "gr_mem"),
            Probe.of("struct rlimit", "rlim_cur", "rlim_max"),
            Probe.of("struct rusage", "ru_utime", "ru_stime", "ru_maxrss", "ru_minflt", "ru_nivcsw"),
            Probe.of("struct utsname", "nodename", "release", "version", "machine", "domainname"),
            Probe.of("struct statvfs", "f_frsize", "f_blocks", "f_favail", "f_fsid", "f_flag", "f_namemax"),
            Probe.of("struct sysinfo", "loads", "totalram", "freeswap", "procs", "totalhigh", "freehigh", "mem_unit"),
            Probe.of("sigset_t"),
            Probe.of("siginfo_t", "si_signo", "si_errno", "si_code", "_sifields"),
            Probe.of("struct sigaction", "__sigaction_handler", "sa_mask", "sa_flags", "sa_restorer"),
            Probe.of("stack_t", "ss_sp", "ss_flags", "ss_size"),
            Probe.of("struct flock", "l_type", "l_whence", "l_start", "l_len", "l_pid"),
            Probe.of("struct termios", "c_oflag", "c_lflag", "c_line", "c_cc", "c_ispeed", "c_ospeed"),
            Probe.of("struct termio", "c_lflag", "c_line", "c_cc"),
            Probe.of("struct winsize", "ws_col", "ws_ypixel"),
            Probe.of("struct lconv", "thousands_sep", "negative_sign", "int_frac_digits", "n_sign_posn", "int_n_sign_posn"),
            Probe.of("glob_t", "gl_pathv", "gl_offs", "gl_flags", "gl_closedir", "gl_stat"),
            Probe.of("regex_t", "re_nsub"),
            Probe.of("regmatch_t", "rm_so", "rm_eo"),
            Probe.of("struct option", "has_arg", "flag", "val"),
            Probe.of("struct sched_param", "sched_priority"),
            Probe.of("cpu_set_t"),
            Probe.of("pthread_t"),
            Probe.of("pthread_attr_t"),
            Probe.of("pthread_mutex_t"),
            Probe.of("pthread_mutexattr_t"),
            Probe.of("pthread_cond_t"),
            Probe.of("pthread_condattr_t"),
            Probe.of("pthread_rwlock_t"),
            Probe.of("pthread_rwlockattr_t"),
            Probe.of("pthread_barrier_t"),
            Probe.of("pthread_key_t"),
            Probe.of("pthread_once_t"),
            Probe.of("sem_t"),
            Probe.of("posix_spawnattr_t", "__pgrp", "__sd", "__ss", "__sp", "__policy"),
            Probe.of("posix_spawn_file_actions_t", "__used", "__actions"),
            Probe.of("Dl_info", "dli_fbase", "dli_sname", "dli_saddr"),
            Probe.of("epoll_data_t"),
            Probe.of("jmp_buf"),
            Probe.of("fpos_t"),
            Probe.of("mbstate_t"),
            Probe.of("max_align_t"),
            Probe.of("div_t", "rem"),
            Probe.of("ldiv_t", "rem"),
            Probe.of("lldiv_t", "rem"),
            Probe.of("imaxdiv_t", "rem"),
            Probe.of("dev_t"), Probe.of("ino_t"), Probe.of("nlink_t"), Probe.of("off_t"), Probe.of("time_t"),
            Probe.of("suseconds_t"), Probe.of("socklen_t"), Probe.of("rlim_t"), Probe.of("nfds_t"),
            Probe.of("int_fast16_t"), Probe.of("uint_fast32_t"), Probe.of("int_least64_t"), Probe.of("wctype_t"));

    /**
     * Types whose glibc layout memsafe's TypeLowering cannot reproduce: struct epoll_event is packed on
     * x86-64 (12 bytes, data at offset 4) and memsafe does not apply the packed attribute.
     */
    private static final List<Probe> KNOWN_DIVERGENT = List.of(Probe.of("struct epoll_event", "data"));

    /** Constants whose value is compared (as a long). */
    private static final List<String> CONSTANTS = List.of(
            "O_NONBLOCK", "O_CLOEXEC", "O_EXCL", "O_DIRECTORY", "O_NOFOLLOW", "O_SYNC", "O_TMPFILE", "F_GETFL", "F_SETFL", "F_DUPFD_CLOEXEC",
            "FD_CLOEXEC", "AT_FDCWD", "AT_REMOVEDIR", "S_IFMT", "S_IFDIR", "S_IFLNK", "S_IRWXU",
            "EAGAIN", "EWOULDBLOCK", "EINPROGRESS", "ECONNRESET", "ETIMEDOUT", "ENOTSUP", "EOVERFLOW", "EILSEQ", "ENAMETOOLONG",
            "SIGCHLD", "SIGPIPE", "SIGWINCH", "SIGSYS", "SA_RESTART", "SA_SIGINFO", "SIG_SETMASK", "NSIG",
            "AF_UNIX", "AF_INET6", "SOCK_NONBLOCK", "SOCK_CLOEXEC", "SOL_SOCKET", "SO_REUSEADDR", "SO_ERROR", "SO_RCVTIMEO", "SO_KEEPALIVE",
            "MSG_NOSIGNAL", "MSG_DONTWAIT", "SHUT_RDWR", "IPPROTO_IPV6", "IPV6_V6ONLY", "IP_TOS", "TCP_NODELAY", "TCP_KEEPIDLE",
            "TCP_KEEPINTVL", "TCP_KEEPCNT", "TCP_FASTOPEN", "UDP_SEGMENT", "INET6_ADDRSTRLEN", "INET_ADDRSTRLEN",
            "AI_PASSIVE", "AI_NUMERICHOST", "AI_ADDRCONFIG", "AI_NUMERICSERV", "EAI_AGAIN", "EAI_SYSTEM", "EAI_NONAME", "NI_MAXHOST", "NI_NUMERICHOST",
            "IFNAMSIZ", "IFF_UP", "IFF_LOOPBACK", "SIOCGIFADDR", "SIOCGIFCONF", "TIOCGWINSZ", "FIONREAD", "FIONBIO",
            "POLLIN", "POLLOUT", "POLLHUP", "POLLNVAL", "POLLRDHUP", "EPOLLIN", "EPOLLET", "EPOLL_CTL_MOD", "EPOLL_CLOEXEC",
            "EFD_NONBLOCK", "EFD_CLOEXEC", "FD_SETSIZE", "PROT_READ", "MAP_PRIVATE", "MAP_ANONYMOUS", "MS_SYNC", "MADV_DONTNEED",
            "WNOHANG", "WUNTRACED", "RLIMIT_NOFILE", "RLIMIT_CORE", "RLIMIT_AS", "RUSAGE_CHILDREN", "PRIO_USER",
            "DT_DIR", "DT_REG", "DT_LNK", "FNM_PATHNAME", "FNM_CASEFOLD", "FNM_NOMATCH", "GLOB_NOMATCH", "GLOB_TILDE", "GLOB_BRACE",
            "REG_EXTENDED", "REG_NOSUB", "REG_NOMATCH", "REG_NOTEOL", "RTLD_NOW", "RTLD_GLOBAL", "RTLD_NODELETE",
            "LOG_DAEMON", "LOG_LOCAL7", "LOG_PID", "LOG_NDELAY", "LOG_WARNING", "LOCK_EX", "LOCK_NB",
            "_SC_NPROCESSORS_ONLN", "_SC_PAGESIZE", "_SC_CLK_TCK", "_SC_OPEN_MAX", "_SC_GETPW_R_SIZE_MAX", "_SC_HOST_NAME_MAX", "_PC_PATH_MAX",
            "CLOCK_MONOTONIC", "CLOCK_BOOTTIME", "GRND_NONBLOCK", "PR_SET_NAME", "PR_SET_NO_NEW_PRIVS", "PR_SET_PDEATHSIG",
            "EX_USAGE", "EX_SOFTWARE", "EX_CONFIG", "CODESET", "D_T_FMT", "RADIXCHAR", "YESEXPR", "LC_ALL", "LC_MESSAGES", "LC_NUMERIC",
            "SYS_getrandom", "SYS_gettid", "SYS_futex", "SYS_openat", "SCHED_RR", "PTHREAD_CREATE_DETACHED", "PTHREAD_MUTEX_RECURSIVE",
            "POSIX_SPAWN_SETSIGMASK", "XATTR_CREATE", "ST_RDONLY", "TCSANOW", "ICANON", "ECHO", "VMIN", "B115200", "NCCS",
            "PATH_MAX", "NAME_MAX", "HOST_NAME_MAX", "IOV_MAX", "MAXPATHLEN", "DBL_MANT_DIG", "DBL_MAX_10_EXP", "FLT_MANT_DIG", "LDBL_MANT_DIG",
            "_IONBF", "_IOLBF", "BUFSIZ", "EOF", "F_OK", "R_OK", "X_OK", "STDERR_FILENO");

    /** The headers the test programs include (the real ones for gcc, the prelude's names for memsafe). */
    private static final String INCLUDES = String.join("\n", List.of(
            "#include <stdio.h>", "#include <stdlib.h>", "#include <stddef.h>", "#include <stdint.h>", "#include <inttypes.h>",
            "#include <string.h>", "#include <limits.h>", "#include <float.h>", "#include <errno.h>", "#include <setjmp.h>",
            "#include <signal.h>", "#include <time.h>", "#include <locale.h>", "#include <wchar.h>", "#include <wctype.h>", "#include <unistd.h>",
            "#include <fcntl.h>", "#include <getopt.h>", "#include <sys/types.h>", "#include <sys/stat.h>", "#include <sys/time.h>",
            "#include <sys/uio.h>", "#include <sys/socket.h>", "#include <sys/un.h>", "#include <sys/ioctl.h>", "#include <sys/mman.h>",
            "#include <sys/wait.h>", "#include <sys/select.h>", "#include <sys/resource.h>", "#include <sys/utsname.h>",
            "#include <sys/statvfs.h>", "#include <sys/sysinfo.h>", "#include <sys/epoll.h>", "#include <sys/eventfd.h>",
            "#include <sys/xattr.h>", "#include <sys/random.h>", "#include <sys/prctl.h>", "#include <sys/file.h>",
            "#include <sys/param.h>", "#include <sys/syscall.h>", "#include <netinet/in.h>", "#include <netinet/tcp.h>",
            "#include <netinet/udp.h>", "#include <arpa/inet.h>", "#include <netdb.h>", "#include <net/if.h>", "#include <ifaddrs.h>",
            "#include <poll.h>", "#include <dirent.h>", "#include <pwd.h>", "#include <grp.h>", "#include <fnmatch.h>", "#include <glob.h>",
            "#include <regex.h>", "#include <sched.h>", "#include <pthread.h>", "#include <semaphore.h>", "#include <spawn.h>",
            "#include <dlfcn.h>", "#include <syslog.h>", "#include <termios.h>", "#include <termio.h>", "#include <utime.h>",
            "#include <langinfo.h>", "#include <libintl.h>", "#include <iconv.h>", "#include <err.h>", "#include <error.h>",
            "#include <sysexits.h>", "#include <libgen.h>", "#include <endian.h>"));

    @Test
    void layoutsAndConstantsAreGlibcs() throws Exception {
        assumeTrue(gccAvailable(), "gcc is not installed");
        List<Probe> all = new ArrayList<>(PROBES);
        Map<String, Long> gcc = gccValues(all);
        Map<String, Long> ours = memsafeLayouts(all);
        Map<String, Long> constants = memsafeConstants();
        // the checks that do not match, as "what: memsafe's value vs gcc's"
        List<String> wrong = new ArrayList<>();
        for (var e : gcc.entrySet()) {
            Long mine = e.getKey().startsWith("const ") ? constants.get(e.getKey().substring(6)) : ours.get(e.getKey());
            if (!e.getValue().equals(mine)) wrong.add(e.getKey() + ": memsafe " + mine + ", gcc " + e.getValue());
        }
        assertThat(gcc).hasSize(countChecks(all) + CONSTANTS.size());
        assertThat(wrong).isEmpty();
        // the one packed struct: memsafe lays it out unpacked, so its size is known to differ
        Map<String, Long> packed = memsafeLayouts(KNOWN_DIVERGENT);
        assertThat(packed).containsEntry("sizeof(struct epoll_event)", 16L);
    }

    private static int countChecks(List<Probe> probes) {
        int n = 0;
        for (Probe p : probes) n += 1 + p.members().size();
        return n;
    }

    /** The values gcc computes against the system's headers, keyed as memsafeLayouts and memsafeConstants key them. */
    private Map<String, Long> gccValues(List<Probe> probes) throws IOException, InterruptedException {
        StringBuilder c = new StringBuilder("#define _GNU_SOURCE 1\n").append(INCLUDES).append("\nint main(void) {\n");
        for (Probe p : probes) {
            c.append("  printf(\"sizeof(%s)=%ld\\n\", \"").append(p.type()).append("\", (long)sizeof(").append(p.type()).append("));\n");
            for (String m : p.members()) {
                c.append("  printf(\"offsetof(%s, %s)=%ld\\n\", \"").append(p.type()).append("\", \"").append(m)
                        .append("\", (long)offsetof(").append(p.type()).append(", ").append(m).append("));\n");
            }
        }
        for (String k : CONSTANTS) c.append("  printf(\"const ").append(k).append("=%ld\\n\", (long)(").append(k).append("));\n");
        c.append("  return 0;\n}\n");
        Path src = dir.resolve("probe.c"), exe = dir.resolve("probe");
        Files.writeString(src, c);
        String out = run(List.of("gcc", "-O0", "-w", "-o", exe.toString(), src.toString()));
        assertThat(Files.isExecutable(exe)).as("gcc failed:\n" + out).isTrue();
        Map<String, Long> values = new LinkedHashMap<>();
        for (String line : run(List.of(exe.toString())).split("\n")) {
            int eq = line.lastIndexOf('=');
            if (eq > 0) values.put(line.substring(0, eq), Long.parseLong(line.substring(eq + 1).trim()));
        }
        return values;
    }

    /** memsafe's sizes and offsets: each type is the type of a global of the lowered unit. */
    private Map<String, Long> memsafeLayouts(List<Probe> probes) throws IOException {
        StringBuilder c = new StringBuilder(INCLUDES).append('\n');
        for (int i = 0; i < probes.size(); i++) c.append(probes.get(i).type()).append(" probe_").append(i).append(";\n");
        Lowering.GlobalSymbols globals = new Lowering.GlobalSymbols();
        List<Diagnostic> diags = lower(c.toString(), "layout.c", DataModel.LP64, globals);
        assertThat(diags).isEmpty();
        Map<String, Long> values = new TreeMap<>();
        for (int i = 0; i < probes.size(); i++) {
            Probe p = probes.get(i);
            Type t = null;
            for (Variable v : globals.byName.values()) if (v.name.equals("probe_" + i)) t = v.type;
            assertThat(t).as(p.type()).isNotNull();
            values.put("sizeof(" + p.type() + ")", t.size());
            for (String m : p.members()) {
                Long off = offset(t, m);
                if (off != null) values.put("offsetof(" + p.type() + ", " + m + ")", off);
            }
        }
        return values;
    }

    private static Long offset(Type t, String path) {
        long off = 0;
        for (String part : path.split("\\.")) {
            if (!(t instanceof Type.Struct s) || s.field(part) == null) return null;
            off += s.field(part).offset();
            t = s.field(part).type();
        }
        return off;
    }

    /** The constants as CDT evaluates them through the prelude (what the lowering folds). */
    private Map<String, Long> memsafeConstants() throws IOException {
        StringBuilder c = new StringBuilder(INCLUDES).append("\nenum memsafe_probe {\n");
        for (String k : CONSTANTS) c.append("  probe_").append(k).append(" = (long)(").append(k).append("),\n");
        c.append("};\n");
        Path file = dir.resolve("constants.c");
        Files.writeString(file, c);
        CdtParser.Parsed parsed = new CdtParser(false).parse(new CompileUnit(file, List.of(), Map.of(), false, DataModel.LP64));
        assertThat(parsed.diagnostics()).isEmpty();
        Map<String, Long> values = new TreeMap<>();
        for (IASTDeclaration d : parsed.ast().getDeclarations()) {
            if (!(d instanceof IASTSimpleDeclaration sd) || !(sd.getDeclSpecifier() instanceof IASTEnumerationSpecifier es)) continue;
            if (!es.getName().toString().equals("memsafe_probe")) continue;
            for (var en : es.getEnumerators()) {
                if (en.getName().resolveBinding() instanceof IEnumerator e && e.getValue().numberValue() != null) {
                    values.put(en.getName().toString().substring("probe_".length()), e.getValue().numberValue().longValue());
                }
            }
        }
        return values;
    }

    /** Each POSIX header the prelude now stands in for, with a use of some of its names. */
    static Stream<String[]> headers() {
        return Stream.of(
                new String[] {"sys/param.h", "char p[MAXPATHLEN]; int n = howmany(10, NBBY) + MAXHOSTNAMELEN;"},
                new String[] {"net/if.h", "struct ifreq r; r.ifr_flags = IFF_UP; strncpy(r.ifr_name, \"lo\", IFNAMSIZ); unsigned idx = if_nametoindex(r.ifr_name); struct ifconf ic; ic.ifc_buf = 0;"},
                new String[] {"sys/un.h", "struct sockaddr_un a; a.sun_family = AF_UNIX; strncpy(a.sun_path, \"/x\", sizeof a.sun_path - 1);"},
                new String[] {"ifaddrs.h", "struct ifaddrs *l, *i; if (getifaddrs(&l) == 0) { for (i = l; i; i = i->ifa_next) if (i->ifa_addr && i->ifa_broadaddr) break; freeifaddrs(l); }"},
                new String[] {"pwd.h", "struct passwd *pw = getpwuid(getuid()); const char *home = pw ? pw->pw_dir : 0; struct passwd pwb, *res; char b[256]; getpwnam_r(\"x\", &pwb, b, sizeof b, &res);"},
                new String[] {"grp.h", "struct group *g = getgrgid(0); char **m = g ? g->gr_mem : 0; gid_t gid = g ? g->gr_gid : 0;"},
                new String[] {"fnmatch.h", "int r = fnmatch(\"*.c\", \"a.c\", FNM_PATHNAME | FNM_PERIOD) == FNM_NOMATCH;"},
                new String[] {"sched.h", "struct sched_param sp; sp.sched_priority = sched_get_priority_max(SCHED_FIFO); cpu_set_t s; CPU_ZERO(&s); CPU_SET(1, &s); int n = CPU_ISSET(1, &s) + CPU_COUNT(&s); sched_yield();"},
                new String[] {"dlfcn.h", "void *h = dlopen(\"libx.so\", RTLD_NOW | RTLD_LOCAL); void *f = h ? dlsym(h, \"f\") : dlsym(RTLD_DEFAULT, \"f\"); const char *e = dlerror(); Dl_info info; dladdr(f, &info);"},
                new String[] {"utime.h", "struct utimbuf t; t.actime = t.modtime = 0; int r = utime(\"f\", &t);"},
                new String[] {"syslog.h", "openlog(\"x\", LOG_PID | LOG_NDELAY, LOG_DAEMON); syslog(LOG_ERR, \"%s\", \"m\"); setlogmask(LOG_UPTO(LOG_INFO)); closelog();"},
                new String[] {"sys/resource.h", "struct rlimit rl; getrlimit(RLIMIT_NOFILE, &rl); rl.rlim_cur = rl.rlim_max == RLIM_INFINITY ? 1024 : rl.rlim_max; struct rusage u; getrusage(RUSAGE_SELF, &u); long kb = u.ru_maxrss + u.ru_utime.tv_sec;"},
                new String[] {"sys/eventfd.h", "int fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK); eventfd_t v; eventfd_read(fd, &v); eventfd_write(fd, v + 1);"},
                new String[] {"sys/xattr.h", "char v[64]; ssize_t n = getxattr(\"f\", \"user.x\", v, sizeof v); setxattr(\"f\", \"user.x\", v, 1, XATTR_CREATE);"},
                new String[] {"netinet/tcp.h", "int on = 1; setsockopt(3, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on); setsockopt(3, SOL_TCP, TCP_KEEPIDLE, &on, sizeof on);"},
                new String[] {"netinet/udp.h", "struct udphdr h; h.uh_sport = htons(53); int s = UDP_SEGMENT + SOL_UDP + (int)sizeof h;"},
                new String[] {"glob.h", "glob_t g; if (glob(\"*.c\", GLOB_NOSORT | GLOB_TILDE, 0, &g) == 0) { size_t i; for (i = 0; i < g.gl_pathc; i++) puts(g.gl_pathv[i]); globfree(&g); }"},
                new String[] {"langinfo.h", "const char *cs = nl_langinfo(CODESET); nl_item it = D_T_FMT;"},
                new String[] {"libintl.h", "const char *m = gettext(\"hello\"); textdomain(\"x\"); bindtextdomain(\"x\", \"/usr/share/locale\"); const char *p = ngettext(\"a\", \"b\", 2);"},
                new String[] {"error.h", "error(0, ENOENT, \"%s\", \"f\"); error_at_line(0, 0, __FILE__, __LINE__, \"x\"); unsigned c = error_message_count;"},
                new String[] {"sys/utsname.h", "struct utsname u; if (uname(&u) == 0) puts(u.release); char *m = u.machine;"},
                new String[] {"sys/file.h", "int r = flock(3, LOCK_EX | LOCK_NB); flock(3, LOCK_UN);"},
                new String[] {"sys/statvfs.h", "struct statvfs s; if (statvfs(\"/\", &s) == 0) { unsigned long long avail = (unsigned long long)s.f_bavail * s.f_frsize; }"},
                new String[] {"sys/sysinfo.h", "struct sysinfo si; sysinfo(&si); unsigned long ram = si.totalram * si.mem_unit; int n = get_nprocs();"},
                new String[] {"spawn.h", "pid_t pid; posix_spawn_file_actions_t fa; posix_spawn_file_actions_init(&fa); posix_spawn_file_actions_adddup2(&fa, 1, 2); posix_spawnattr_t at; posix_spawnattr_init(&at); posix_spawnattr_setflags(&at, POSIX_SPAWN_SETSIGMASK); char *argv[] = {0}; int r = posix_spawnp(&pid, \"ls\", &fa, &at, argv, environ);"},
                new String[] {"sys/epoll.h", "int ep = epoll_create1(EPOLL_CLOEXEC); struct epoll_event ev, evs[8]; ev.events = EPOLLIN | EPOLLET; ev.data.fd = 3; epoll_ctl(ep, EPOLL_CTL_ADD, 3, &ev); int n = epoll_wait(ep, evs, 8, -1); void *p = evs[0].data.ptr;"},
                new String[] {"sys/random.h", "unsigned char b[16]; ssize_t n = getrandom(b, sizeof b, GRND_NONBLOCK);"},
                new String[] {"sys/prctl.h", "prctl(PR_SET_NAME, \"worker\", 0, 0, 0); prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);"},
                new String[] {"err.h", "if (getpid() < 0) err(1, \"%s\", \"x\"); warnx(\"w %d\", 1); warn(\"w\");"},
                new String[] {"sysexits.h", "int codes[] = {EX_OK, EX_USAGE, EX_DATAERR, EX_SOFTWARE, EX_CONFIG};"},
                new String[] {"semaphore.h", "sem_t s; sem_init(&s, 0, 1); sem_wait(&s); sem_post(&s); int v; sem_getvalue(&s, &v); sem_t *n = sem_open(\"/x\", O_CREAT, 0600, 1); if (n != SEM_FAILED) sem_close(n);"},
                new String[] {"iconv.h", "iconv_t cd = iconv_open(\"UTF-8\", \"LATIN1\"); char in[4] = \"abc\", out[8], *ip = in, *op = out; size_t il = 3, ol = 8; if (cd != (iconv_t)-1) { iconv(cd, &ip, &il, &op, &ol); iconv_close(cd); }"},
                new String[] {"regex.h", "regex_t re; regmatch_t m[2]; if (regcomp(&re, \"a(b)\", REG_EXTENDED) == 0) { if (regexec(&re, \"ab\", 2, m, 0) == 0) { int len = m[1].rm_eo - m[1].rm_so; } char eb[64]; regerror(REG_NOMATCH, &re, eb, sizeof eb); size_t k = re.re_nsub; regfree(&re); }"},
                new String[] {"sys/syscall.h", "long tid = syscall(SYS_gettid); long r = syscall(SYS_getrandom, 0, 0, 0);"},
                new String[] {"termio.h", "struct termio t; struct termios ts; tcgetattr(0, &ts); ts.c_lflag &= ~(ICANON | ECHO); ts.c_cc[VMIN] = 1; tcsetattr(0, TCSANOW, &ts); t.c_cc[0] = 0; struct winsize w; ioctl(0, TIOCGWINSZ, &w);"});
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("headers")
    void eachNewHeaderParsesAsCAndCpp(String header, String use) throws IOException {
        String text = "#include <stdio.h>\n#include <string.h>\n#include <errno.h>\n#include <fcntl.h>\n#include <unistd.h>\n"
                + "#include <sys/socket.h>\n#include <netinet/in.h>\n#include <sys/ioctl.h>\n#include <" + header + ">\n"
                + "void probe(void) {\n  " + use + "\n}\n";
        String name = header.replaceAll("[^a-z0-9]", "_");
        for (boolean cpp : List.of(false, true)) {
            Path file = dir.resolve(name + (cpp ? ".cpp" : ".c"));
            Files.writeString(file, text);
            CdtParser.Parsed parsed = new CdtParser(false).parse(new CompileUnit(file, List.of(), Map.of(), cpp, DataModel.LP64));
            List<Diagnostic> diags = new ArrayList<>(parsed.diagnostics());
            new Lowering(new Program(), new Lowering.GlobalSymbols(), file.toString(), parsed.model(), diags).lower(parsed.ast());
            assertThat(diags).as(header + (cpp ? " as C++" : " as C")).isEmpty();
            assertThat(unresolved(parsed)).as(header + (cpp ? " as C++" : " as C") + ": names not declared").isEmpty();
        }
    }

    /** The whole prelude parses under every data model, as C and as C++. */
    @Test
    void everyHeaderParsesUnderEachDataModel() throws IOException {
        StringBuilder text = new StringBuilder(INCLUDES).append("\nvoid probe(void) {\n");
        headers().forEach(h -> text.append("  { ").append(h[1]).append(" }\n"));
        text.append("}\n");
        for (DataModel model : DataModel.values()) {
            for (boolean cpp : List.of(false, true)) {
                Path file = dir.resolve("all_" + model + (cpp ? ".cpp" : ".c"));
                Files.writeString(file, text);
                CdtParser.Parsed parsed = new CdtParser(false).parse(new CompileUnit(file, List.of(), Map.of(), cpp, model));
                List<Diagnostic> diags = new ArrayList<>(parsed.diagnostics());
                new Lowering(new Program(), new Lowering.GlobalSymbols(), file.toString(), parsed.model(), diags).lower(parsed.ast());
                assertThat(diags).as(model + (cpp ? " C++" : " C")).isEmpty();
                assertThat(unresolved(parsed)).as(model + (cpp ? " C++" : " C")).isEmpty();
            }
        }
    }

    /** Names in the unit's own code (not the prelude's) that CDT could not resolve. */
    private static List<String> unresolved(CdtParser.Parsed parsed) {
        List<String> bad = new ArrayList<>();
        parsed.ast().accept(new ASTVisitor(true) {
            @Override
            public int visit(IASTName name) {
                var loc = name.getFileLocation();
                if (loc == null || loc.getFileName().startsWith(CdtParser.PRELUDE_DIR)) return PROCESS_CONTINUE;
                IBinding b = name.resolveBinding();
                if (b instanceof IProblemBinding) bad.add(name + " at line " + loc.getStartingLineNumber());
                return PROCESS_CONTINUE;
            }
        });
        return bad;
    }

    private List<Diagnostic> lower(String text, String fileName, DataModel model, Lowering.GlobalSymbols globals) throws IOException {
        Path file = dir.resolve(fileName);
        Files.writeString(file, text);
        CdtParser.Parsed parsed = new CdtParser(false).parse(new CompileUnit(file, List.of(), Map.of(), false, model));
        List<Diagnostic> diags = new ArrayList<>(parsed.diagnostics());
        new Lowering(new Program(), globals, file.toString(), parsed.model(), diags).lower(parsed.ast());
        return diags;
    }

    private static boolean gccAvailable() {
        try {
            return run(List.of("gcc", "--version")).contains("gcc");
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static String run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        return out;
    }
}
