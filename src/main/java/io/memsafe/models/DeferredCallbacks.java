package io.memsafe.models;

import java.util.Map;
import java.util.Set;

/**
 * The kernels' deferred callbacks on objects that drivers embed in their own structures — Linux
 * timers, work items, delayed work and tasklets, Windows timers and DPCs — as the analysis knows
 * them: which call arms one, which call stops one and waits for a callback already running, which
 * call flushes every pending one, and which call names the callback. Each entry gives the argument
 * that is the embedded object. Written from the kernels' public documentation.
 * <p>{@code del_timer}, {@code cancel_work} and the other stops that do not wait for a running
 * callback count as stops: a driver that uses them before a free has at worst a race, which the
 * analysis does not claim to see.
 */
public final class DeferredCallbacks {
    private DeferredCallbacks() { }

    /** Calls that arm a callback on the object at the argument. */
    public static final Map<String, Integer> ARMS = Map.ofEntries(
            Map.entry("mod_timer", 0), Map.entry("add_timer", 0), Map.entry("timer_reduce", 0),
            Map.entry("schedule_work", 0), Map.entry("queue_work", 1),
            Map.entry("schedule_delayed_work", 0), Map.entry("queue_delayed_work", 1), Map.entry("mod_delayed_work", 1),
            Map.entry("tasklet_schedule", 0), Map.entry("tasklet_hi_schedule", 0),
            Map.entry("KeSetTimer", 0), Map.entry("KeSetTimerEx", 0), Map.entry("KeInsertQueueDpc", 0));

    /** Calls that stop the callback armed on the object at the argument. */
    public static final Map<String, Integer> STOPS = Map.ofEntries(
            Map.entry("del_timer", 0), Map.entry("del_timer_sync", 0), Map.entry("try_to_del_timer_sync", 0),
            Map.entry("timer_delete", 0), Map.entry("timer_delete_sync", 0), Map.entry("timer_shutdown", 0), Map.entry("timer_shutdown_sync", 0),
            Map.entry("cancel_work", 0), Map.entry("cancel_work_sync", 0), Map.entry("flush_work", 0),
            Map.entry("cancel_delayed_work", 0), Map.entry("cancel_delayed_work_sync", 0), Map.entry("flush_delayed_work", 0),
            Map.entry("tasklet_kill", 0), Map.entry("KeCancelTimer", 0), Map.entry("KeRemoveQueueDpc", 0));

    /** Calls that wait for every pending callback of their kind, whatever object it was armed on. */
    public static final Set<String> STOPS_ALL = Set.of("flush_workqueue", "drain_workqueue", "destroy_workqueue", "flush_scheduled_work",
            "KeFlushQueuedDpcs");

    /** Calls that name the callback of the object at argument 0: the callback is argument 1. */
    public static final Set<String> NAMES = Set.of("timer_setup", "setup_timer", "__memsafe_init_work", "__memsafe_init_delayed_work",
            "tasklet_init", "tasklet_setup", "KeInitializeDpc");

    /** Calls that arm a timer whose expiry queues a DPC: the DPC's argument (its routine is the timer's callback). */
    public static final Map<String, Integer> QUEUES_DPC = Map.of("KeSetTimer", 2, "KeSetTimerEx", 3);

    /** The stop a driver should call for what an arming call armed (for the finding's message). */
    public static String stopFor(String armer) {
        return switch (armer) {
            case "mod_timer", "add_timer", "timer_reduce" -> "timer_shutdown_sync() or del_timer_sync()";
            case "schedule_work", "queue_work" -> "cancel_work_sync()";
            case "schedule_delayed_work", "queue_delayed_work", "mod_delayed_work" -> "cancel_delayed_work_sync()";
            case "tasklet_schedule", "tasklet_hi_schedule" -> "tasklet_kill()";
            case "KeSetTimer", "KeSetTimerEx" -> "KeCancelTimer() (and KeFlushQueuedDpcs() for its DPC)";
            default -> "KeRemoveQueueDpc() or KeFlushQueuedDpcs()";
        };
    }
}
