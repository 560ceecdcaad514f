package io.memsafe.fleet;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Lays out the folder Spark's standalone workers start executors from: an empty {@code RELEASE} file (which tells
 * Spark's launcher this is a binary distribution) and {@code jars/}, whose jars form the executors' class path.
 * This is all of a Spark installation a worker needs, so a cluster can be started from the Maven jars alone.
 *
 * <p>Class folders become jars, and the main memsafe jar is copied without its census and harden classes:
 * those are compiled for Java 21 there, and executors must load this module's Java 17 copies instead, whatever
 * order the JVM lists {@code jars/*} in.
 */
public final class SparkHome {

    /** Classes this module compiles again for Java 17 (as the pom's includes); the main jar's copies are left out. */
    static final java.util.regex.Pattern RECOMPILED =
            java.util.regex.Pattern.compile("io/memsafe/(census/[^/]+|census/(history|lang|model)/.+|harden/.+)\\.class");

    private SparkHome() {
    }

    /** {@code java -cp FLEET.jar io.memsafe.fleet.SparkHome DIR}: DIR with the jars of this JVM's class path. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: SparkHome DIR");
            System.exit(2);
        }
        prepare(Path.of(args[0]), classPath());
        System.out.println(args[0]);
    }

    public static List<Path> classPath() {
        List<Path> entries = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (!e.isEmpty()) {
                entries.add(Path.of(e).toAbsolutePath());
            }
        }
        return entries;
    }

    public static void prepare(Path home, List<Path> classPath) throws IOException {
        Path jars = home.resolve("jars");
        Files.createDirectories(jars);
        Files.write(home.resolve("RELEASE"), new byte[0]);
        int n = 0;
        for (Path entry : classPath) {
            String name = String.format("%03d-%s", n++, entry.getFileName());
            if (Files.isDirectory(entry)) {
                jarFolder(entry, jars.resolve(name + ".jar"));
            } else if (Files.isRegularFile(entry) && entry.getFileName().toString().matches("memsafe-\\d.*\\.jar")) {
                withoutRecompiled(entry, jars.resolve(name));
            } else if (Files.isRegularFile(entry) && entry.toString().endsWith(".jar")) {
                Path link = jars.resolve(name);
                Files.deleteIfExists(link);
                Files.createSymbolicLink(link, entry);
            }
        }
    }

    private static void jarFolder(Path folder, Path jar) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(folder)) {
            for (Path f : (Iterable<Path>) files.sorted()::iterator) {
                if (Files.isRegularFile(f)) {
                    out.putNextEntry(new JarEntry(folder.relativize(f).toString().replace('\\', '/')));
                    Files.copy(f, out);
                    out.closeEntry();
                }
            }
        }
    }

    private static void withoutRecompiled(Path source, Path target) throws IOException {
        try (ZipInputStream in = new JarInputStream(Files.newInputStream(source));
             OutputStream file = Files.newOutputStream(target);
             JarOutputStream out = new JarOutputStream(file)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                String name = e.getName();
                if (RECOMPILED.matcher(name).matches()) {
                    continue;
                }
                out.putNextEntry(new JarEntry(name));
                in.transferTo(out);
                out.closeEntry();
            }
        }
    }
}
