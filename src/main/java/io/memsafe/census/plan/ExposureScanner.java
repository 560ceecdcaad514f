package io.memsafe.census.plan;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A lexical scan for code that takes untrusted input: reads from files, sockets and devices, ioctl and syscall
 * handlers, and parsers. It looks for call names followed by a parenthesis, and for includes of socket and
 * device headers (counted as {@code <sys/socket.h>} and so on); it does not resolve anything, so it
 * is a hint for ranking, not an analysis. Comment lines are skipped by the caller's line kinds.
 */
public final class ExposureScanner {

    /** Call names by the weight of the input they bring: network and kernel boundaries weigh most. */
    static final Map<String, Integer> WEIGHTS = Map.ofEntries(
            Map.entry("recv", 3), Map.entry("recvfrom", 3), Map.entry("recvmsg", 3), Map.entry("accept", 3),
            Map.entry("SSL_read", 3), Map.entry("ioctl", 3), Map.entry("copy_from_user", 3), Map.entry("get_user", 3),
            Map.entry("syscall", 2),
            Map.entry("read", 1), Map.entry("pread", 1), Map.entry("readv", 1), Map.entry("fread", 1), Map.entry("fgets", 1),
            Map.entry("getline", 1), Map.entry("getdelim", 1), Map.entry("fgetc", 1), Map.entry("getc", 1),
            Map.entry("fscanf", 1), Map.entry("scanf", 1), Map.entry("sscanf", 1), Map.entry("readlink", 1),
            Map.entry("getenv", 1), Map.entry("mmap", 1));

    private static final Pattern CALL = Pattern.compile("\\b([A-Za-z_]\\w*)\\s*\\(");
    /** Imports that bring sockets and device control into a file. */
    private static final Pattern INPUT_HEADER = Pattern.compile(
            "^\\s*#\\s*include\\s*[<\"]((?:sys/socket|sys/ioctl|netinet/\\w+|arpa/inet|netdb|linux/\\w+|sys/un)\\.h)[>\"]");
    private static final Pattern PARSER = Pattern.compile("(?i)(?:parse|decode|deserializ|unmarshal)");

    private ExposureScanner() {
    }

    /**
     * Call sites by name ("parse*" for parser-like functions) in the code lines of {@code content}.
     *
     * @param codeLine tells whether a 0-based line is code (not comment or blank)
     */
    public static Map<String, Integer> scan(byte[] content, java.util.function.IntPredicate codeLine) {
        Map<String, Integer> calls = new TreeMap<>();
        String text = new String(content, StandardCharsets.ISO_8859_1);
        int line = 0;
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            if (codeLine.test(line)) {
                String l = text.substring(start, end);
                if (l.stripLeading().startsWith("#")) { // preprocessor lines declare, they do not call
                    Matcher inc = INPUT_HEADER.matcher(l);
                    if (inc.find()) {
                        calls.merge("<" + inc.group(1) + ">", 1, Integer::sum);
                    }
                } else {
                    Matcher m = CALL.matcher(l);
                    while (m.find()) {
                        String name = m.group(1);
                        if (WEIGHTS.containsKey(name)) {
                            calls.merge(name, 1, Integer::sum);
                        } else if (PARSER.matcher(name).find()) {
                            calls.merge("parse*", 1, Integer::sum);
                        }
                    }
                }
            }
            line++;
            start = end + 1;
        }
        return calls;
    }

    /** Weighted exposure: network/kernel call sites count 3, generic reads and parsers 1. */
    public static int weight(Map<String, Integer> calls) {
        int w = 0;
        for (var e : calls.entrySet()) {
            w += e.getValue() * WEIGHTS.getOrDefault(e.getKey(), 1);
        }
        return w;
    }
}
