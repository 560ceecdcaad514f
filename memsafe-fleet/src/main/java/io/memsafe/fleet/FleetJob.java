package io.memsafe.fleet;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;
import scala.jdk.javaapi.CollectionConverters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The driver: one Spark task per repository, binary tree and compile database; Spark schedules, retries and moves
 * the results; the driver collects the rows and writes every table and file.
 */
public final class FleetJob {

    /**
     * @param master Spark master URL, or null to take spark-submit's (local[*] when there is none)
     * @param conf extra Spark settings (KEY=VALUE from the command line)
     */
    public record Settings(String master, Path out, FleetTask.HistoryRange range, Path stores, Map<String, String> conf) {
    }

    private static final String JOB_GROUP = "memsafe-fleet";

    private FleetJob() {
    }

    /** The tasks of a fleet file, repositories first (they take longest). */
    static List<FleetTask> tasks(FleetFile fleet, Settings s) {
        List<FleetTask> tasks = new ArrayList<>();
        for (FleetFile.Repository r : fleet.repositories()) {
            String store = s.stores() == null ? null : s.stores().toAbsolutePath().resolve(r.name() + ".db").toString();
            tasks.add(new FleetTask(FleetTask.Kind.repository, r.name(), r.path(), r.rev(), r.tags(), s.range(), store));
        }
        for (FleetFile.BinaryTree b : fleet.binaries()) {
            tasks.add(new FleetTask(FleetTask.Kind.binaries, b.name(), b.path(), null, b.tags(), s.range(), null));
        }
        for (FleetFile.ScanTarget t : fleet.scans()) {
            tasks.add(new FleetTask(FleetTask.Kind.scan, t.name(), t.compileCommands(), null, t.tags(), s.range(), null));
        }
        return tasks;
    }

    /** The Spark session: embedded runs bind to loopback and show no UI. */
    static SparkSession session(Settings s) {
        SparkConf conf = new SparkConf(true).setAppName("memsafe fleet");
        if (s.master() != null) {
            conf.setMaster(s.master());
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        conf.setIfMissing("spark.ui.enabled", "false");
        String master = conf.get("spark.master");
        if (master.startsWith("local") && System.getenv("SPARK_LOCAL_IP") == null) {
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        s.conf().forEach(conf::set);
        return SparkSession.builder().config(conf).getOrCreate();
    }

    /** Runs the fleet and writes OUT; returns the results, failed ones included. */
    public static List<TaskResult> run(FleetFile fleet, Settings s, PrintWriter progress) throws Exception {
        List<FleetTask> tasks = tasks(fleet, s);
        SparkSession spark = session(s);
        try {
            return run(spark, tasks, s, progress);
        } finally {
            spark.stop();
        }
    }

    static List<TaskResult> run(SparkSession spark, List<FleetTask> tasks, Settings s, PrintWriter progress) throws Exception {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        LongAccumulator commits = jsc.sc().longAccumulator("commits processed");
        AtomicInteger done = new AtomicInteger();
        Set<Integer> stages = ConcurrentHashMap.newKeySet();
        // counts the tasks of the fleet's job only (not those writing the tables); it stays registered, as events
        // arrive asynchronously and stopping the context delivers the last ones
        jsc.sc().addSparkListener(new SparkListener() {
            @Override
            public void onJobStart(SparkListenerJobStart start) {
                if (JOB_GROUP.equals(start.properties().getProperty("spark.jobGroup.id"))) {
                    CollectionConverters.asJava(start.stageIds()).forEach(id -> stages.add((Integer) id));
                }
            }

            @Override
            public void onTaskEnd(SparkListenerTaskEnd end) {
                if (stages.contains(end.stageId()) && end.taskInfo().successful()) {
                    progress.printf("memsafe fleet: %d/%d done, %d commits processed%n", done.incrementAndGet(), tasks.size(), commits.value());
                    progress.flush();
                }
            }
        });
        progress.printf("memsafe fleet: %d tasks on %s%n", tasks.size(), spark.sparkContext().master());
        progress.flush();
        jsc.setJobGroup(JOB_GROUP, "memsafe fleet tasks", false);
        List<TaskResult> results;
        try {
            results = new ArrayList<>(jsc.parallelize(tasks, Math.max(1, tasks.size()))
                    .map(task -> {
                        TaskResult r = TaskRunner.run(task);
                        commits.add(r.commitsProcessed());
                        return r;
                    })
                    .collect());
        } finally {
            jsc.clearJobGroup();
        }
        results.sort(Comparator.comparing((TaskResult r) -> r.task().kind()).thenComparing(r -> r.task().name()));
        for (TaskResult r : results) {
            if (!r.ok()) {
                progress.printf("memsafe fleet: %s %s failed: %s%n", r.task().kind(), r.task().name(), r.error());
            }
        }
        progress.flush();
        FleetOutput.write(spark, results, s, progress);
        return results;
    }
}
