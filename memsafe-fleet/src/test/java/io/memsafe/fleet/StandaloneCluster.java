package io.memsafe.fleet;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Spark standalone master and one worker, each a JVM of its own started from this JVM's class path, both bound
 * to 127.0.0.1 only. The worker starts its executors from {@code sparkHome} with the JDK at {@code executorJavaHome}.
 */
final class StandaloneCluster implements AutoCloseable {
    private final List<Process> processes = new ArrayList<>();
    final Path logs;
    final String masterUrl;

    StandaloneCluster(Path sparkHome, Path executorJavaHome, Path work, int cores, String memory) throws Exception {
        this.logs = work;
        Files.createDirectories(work);
        int port = freePort();
        masterUrl = "spark://127.0.0.1:" + port;
        try {
            int ui = freePort();
            start("master", sparkHome, null, "org.apache.spark.deploy.master.Master",
                    "--host", "127.0.0.1", "--port", String.valueOf(port), "--webui-port", String.valueOf(ui));
            waitFor(() -> connects(port), "the master to listen on port " + port, "master");
            start("worker", sparkHome, executorJavaHome, "org.apache.spark.deploy.worker.Worker",
                    "--host", "127.0.0.1", "--webui-port", String.valueOf(freePort()), "--cores", String.valueOf(cores),
                    "--memory", memory, "--work-dir", work.resolve("work").toString(), masterUrl);
            // the master's status page says when the worker has registered
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest status = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ui + "/json/")).build();
            waitFor(() -> connects(ui) && http.send(status, HttpResponse.BodyHandlers.ofString()).body().matches("(?s).*\"aliveworkers\"\\s*:\\s*1\\b.*"),
                    "the worker to register", "worker");
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    private void start(String name, Path sparkHome, Path javaHome, String mainClass, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElseThrow());
        cmd.add("-Xmx512m");
        // the module openings this JVM runs with are the ones Spark needs
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-opens") || a.startsWith("--enable-native-access") || a.startsWith("-Dio.netty")
                        || a.startsWith("-Djdk.reflect"))
                .forEach(cmd::add);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(logs.resolve(name + ".log").toFile());
        Map<String, String> env = pb.environment();
        env.put("SPARK_HOME", sparkHome.toString());
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        env.put("SPARK_SCALA_VERSION", "2.13");
        if (javaHome != null) {
            env.put("JAVA_HOME", javaHome.toString());
        }
        processes.add(pb.start());
    }

    interface Check {
        boolean ok() throws Exception;
    }

    private void waitFor(Check check, String what, String log) throws Exception {
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (check.ok()) {
                return;
            }
            if (processes.stream().anyMatch(p -> !p.isAlive())) {
                break;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("gave up waiting for " + what + ":\n" + Files.readString(logs.resolve(log + ".log")));
    }

    private static boolean connects(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (int i = processes.size() - 1; i >= 0; i--) { // the worker first, then the master
            Process p = processes.get(i);
            p.destroy();
            if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }
}
