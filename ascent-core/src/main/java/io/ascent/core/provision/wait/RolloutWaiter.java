package io.ascent.core.provision.wait;

import io.ascent.core.manifest.LabelSelector;
import io.ascent.core.progress.ProgressListener;
import io.ascent.core.provision.kube.KubeConnection;
import io.ascent.core.provision.kube.ResourceType;
import io.ascent.core.provision.kube.WatchFeed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * Waits for applied objects to become ready, driven by watch events: one {@link WatchFeed} per kind and namespace
 * involved plus one for the namespace's pods, and after every event each pending object is judged again
 * ({@link RolloutJudge}) and its pods are searched for a problem that will not go away ({@link PodProblem}), which
 * fails it at once instead of at the deadline. A workload whose pods the API server refuses to create
 * ({@link CreationFailure}: a quota, PodSecurity, a missing ServiceAccount) fails once the refusal has stood for
 * {@link #CREATION_GRACE}, since some refusals heal by themselves a moment after a namespace is made.
 */
public final class RolloutWaiter {

    /**
     * How long a refusal to create pods must stand before it fails the workload. A fresh namespace's
     * {@code default} ServiceAccount and a new quota's first count come within a second or two; the controllers
     * retry a refusal within about a second at first, so a refusal still standing after this is for good.
     */
    public static final Duration CREATION_GRACE = Duration.ofSeconds(10);

    private final KubeConnection connection;
    private final ProgressListener progress;
    private final Duration watchTimeout;
    private final Duration creationGrace;
    private final LongAdder waitedNanos;
    /** The phase its progress lines name: {@code deploy}, or a smoke test's when it waits for that test's Job. */
    private final String phase;

    public RolloutWaiter(KubeConnection connection, ProgressListener progress) {
        this(connection, progress, Duration.ofMinutes(5));
    }

    /** @param watchTimeout how long one watch request stays open before it is resumed (tests make it short) */
    public RolloutWaiter(KubeConnection connection, ProgressListener progress, Duration watchTimeout) {
        this(connection, progress, watchTimeout, CREATION_GRACE);
    }

    /** @param creationGrace how long a refusal to create pods may stand (tests make it short) */
    RolloutWaiter(KubeConnection connection, ProgressListener progress, Duration watchTimeout,
            Duration creationGrace) {
        this(connection, progress, watchTimeout, creationGrace, new LongAdder(), "deploy");
    }

    private RolloutWaiter(KubeConnection connection, ProgressListener progress, Duration watchTimeout,
            Duration creationGrace, LongAdder waitedNanos, String phase) {
        this.connection = connection;
        this.progress = progress;
        this.watchTimeout = watchTimeout;
        this.creationGrace = creationGrace;
        this.waitedNanos = waitedNanos;
        this.phase = phase;
    }

    /**
     * The same waiter, its progress lines starting with {@code phase}; the time it waits still counts in this one's
     * {@link #waited()} (the run's overhead is everything but the waits).
     */
    public RolloutWaiter during(String phase) {
        return new RolloutWaiter(connection, progress, watchTimeout, creationGrace, waitedNanos, phase);
    }

    /**
     * Waits until every target is done or failed, or {@code timeout} has passed (the rest then fail with their last
     * state). Returns one result per target, in the targets' order.
     *
     * @throws InterruptedException when the run is cancelled; every watch is closed first
     */
    public List<WaitResult> await(List<WaitTarget> targets, Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        LinkedBlockingQueue<WatchFeed.Event> events = new LinkedBlockingQueue<>();
        Map<String, WatchFeed> feeds = new LinkedHashMap<>();
        Map<String, Map<String, JSONObject>> state = new HashMap<>();
        Map<WaitTarget, WaitResult> results = new LinkedHashMap<>();
        Map<WaitTarget, String> lastMessage = new HashMap<>();
        Map<WaitTarget, Long> refusedSince = new HashMap<>();
        List<WaitTarget> pending = new ArrayList<>(targets);
        try {
            for (WaitTarget target : targets) {
                open(feeds, events, target.type(), target.namespace());
                if (target.ownsPods()) {
                    open(feeds, events, ResourceType.POD, target.namespace());
                }
                if (reportsRefusalsInEvents(target)) {
                    open(feeds, events, ResourceType.EVENT, target.namespace());
                }
            }
            while (!pending.isEmpty()) {
                long now = System.nanoTime();
                long left = deadline - now;
                // wake up when a standing refusal to create pods has outlasted its grace, event or not
                long wake = refusedSince.values().stream().mapToLong(since -> since + creationGrace.toNanos() - now)
                        .min().orElse(Long.MAX_VALUE);
                WatchFeed.Event event = left > 0 ? events.poll(Math.max(0, Math.min(left, wake)),
                        TimeUnit.NANOSECONDS) : null;
                if (event == null && deadline - System.nanoTime() > 0) {
                    judgeAll(pending, state, refusedSince, lastMessage, results, start);
                    continue;
                }
                if (event == null) {
                    for (WaitTarget target : pending) {
                        Optional<JSONObject> object = Optional.ofNullable(
                                state.getOrDefault(feedKey(target.type(), target.namespace()), Map.of())
                                        .get(target.name()));
                        results.put(target, new WaitResult(target, Verdict.failed("not ready after "
                                + seconds(timeout) + ": " + lastMessage.getOrDefault(target, "never seen")),
                                elapsed(start), object, Optional.empty(), Optional.empty()));
                    }
                    pending.clear();
                    break;
                }
                if (event.type() == WatchFeed.Event.Type.FAILED) {
                    String key = event.feed();
                    for (WaitTarget target : List.copyOf(pending)) {
                        if (feedKey(target.type(), target.namespace()).equals(key)
                                || (target.ownsPods() && feedKey(ResourceType.POD, target.namespace()).equals(key))) {
                            results.put(target, new WaitResult(target, Verdict.failed(event.message()),
                                    elapsed(start), Optional.empty(), Optional.empty(), Optional.empty()));
                            pending.remove(target);
                        }
                    }
                    continue;
                }
                apply(state, event);
                judgeAll(pending, state, refusedSince, lastMessage, results, start);
            }
        } finally {
            feeds.values().forEach(WatchFeed::close);
            waitedNanos.add(System.nanoTime() - start);
        }
        List<WaitResult> ordered = new ArrayList<>();
        targets.forEach(target -> ordered.add(results.get(target)));
        return ordered;
    }

    /**
     * How long every {@link #await} of this waiter took together: the cluster's reaction as Ascent saw it, from the
     * start of each wait (its watches' first list included) to the event that decided it. What a run spends
     * outside these waits and the teardown is its own overhead (docs/performance.md).
     */
    public Duration waited() {
        return Duration.ofNanos(waitedNanos.sum());
    }

    /** Judges every pending target on the state as it stands, moving the decided ones to {@code results}. */
    private void judgeAll(List<WaitTarget> pending, Map<String, Map<String, JSONObject>> state,
            Map<WaitTarget, Long> refusedSince, Map<WaitTarget, String> lastMessage,
            Map<WaitTarget, WaitResult> results, long start) {
        for (WaitTarget target : List.copyOf(pending)) {
            WaitResult result = judge(target, state, refusedSince, start);
            if (result.verdict().state() == Verdict.State.WAITING) {
                String message = result.verdict().message();
                if (!message.equals(lastMessage.put(target, message))) {
                    progress.info(phase + ": " + target.displayName() + ": " + message + " ("
                            + result.elapsed().toMillis() + " ms)");
                }
                continue;
            }
            results.put(target, result);
            pending.remove(target);
            refusedSince.remove(target);
            progress.info(phase + ": " + target.displayName() + ": " + result.verdict().message() + " ("
                    + result.elapsed().toMillis() + " ms)");
        }
    }

    private WaitResult judge(WaitTarget target, Map<String, Map<String, JSONObject>> state,
            Map<WaitTarget, Long> refusedSince, long start) {
        JSONObject object = state.getOrDefault(feedKey(target.type(), target.namespace()), Map.of()).get(target.name());
        if (object == null) {
            refusedSince.remove(target);
            return new WaitResult(target, Verdict.waiting("not created yet"), elapsed(start), Optional.empty(),
                    Optional.empty(), Optional.empty());
        }
        Verdict verdict = RolloutJudge.judge(target.type().kind(), object);
        if (verdict.state() == Verdict.State.WAITING && target.ownsPods()) {
            List<JSONObject> pods = podsOf(target, object, state);
            for (JSONObject pod : pods) {
                Optional<PodProblem> problem = PodProblem.of(pod);
                if (problem.isPresent()) {
                    return new WaitResult(target, Verdict.failed(problem.get().describe()), elapsed(start),
                            Optional.of(object), problem, Optional.of(pod));
                }
            }
            Optional<String> refusal = CreationFailure.of(target.type().kind(), target.name(), object,
                    state.getOrDefault(feedKey(ResourceType.EVENT, target.namespace()), Map.of()).values(), pods);
            if (refusal.isPresent()) {
                long since = refusedSince.computeIfAbsent(target, t -> System.nanoTime());
                if (System.nanoTime() - since < creationGrace.toNanos()) {
                    return new WaitResult(target, Verdict.waiting("the API server refuses its pods so far: "
                            + refusal.get()), elapsed(start), Optional.of(object), Optional.empty(), Optional.empty());
                }
                PodProblem problem = PodProblem.refused(target.name(), refusal.get());
                return new WaitResult(target, Verdict.failed("the API server refused its pods for "
                        + creationGrace.toSeconds() + "s: " + refusal.get()), elapsed(start), Optional.of(object),
                        Optional.of(problem), Optional.empty());
            }
        }
        refusedSince.remove(target);
        return new WaitResult(target, verdict, elapsed(start), Optional.of(object), Optional.empty(), Optional.empty());
    }

    /** Kinds whose controller reports a refusal to create pods only as an event, not in the object's status. */
    private static boolean reportsRefusalsInEvents(WaitTarget target) {
        return switch (target.type().kind()) {
            case "StatefulSet", "DaemonSet", "Job" -> true;
            default -> false;
        };
    }

    /** The pods a workload selects, by the selector the server holds (a Job's is generated by the server). */
    static List<JSONObject> podsOf(WaitTarget target, JSONObject object, Map<String, Map<String, JSONObject>> state) {
        Map<String, JSONObject> pods = state.getOrDefault(feedKey(ResourceType.POD, target.namespace()), Map.of());
        if (target.type().kind().equals("Pod")) {
            return Optional.ofNullable(pods.get(target.name())).map(List::of).orElse(List.of());
        }
        JSONObject selector = object.optJSONObject("spec", new JSONObject()).optJSONObject("selector");
        if (selector == null) {
            return List.of();
        }
        LabelSelector labels = LabelSelector.of(selector);
        List<JSONObject> matching = new ArrayList<>();
        for (JSONObject pod : pods.values()) {
            JSONObject podLabels = pod.optJSONObject("metadata", new JSONObject()).optJSONObject("labels");
            if (podLabels != null && labels.matches(podLabels.toMap())) {
                matching.add(pod);
            }
        }
        matching.sort((a, b) -> name(a).compareTo(name(b)));
        return matching;
    }

    private void open(Map<String, WatchFeed> feeds, LinkedBlockingQueue<WatchFeed.Event> events, ResourceType type,
            String namespace) {
        String key = feedKey(type, namespace);
        if (!feeds.containsKey(key)) {
            feeds.put(key, new WatchFeed(connection, key, type.collectionPath(namespace), "", events, watchTimeout)
                    .start());
        }
    }

    private static void apply(Map<String, Map<String, JSONObject>> state, WatchFeed.Event event) {
        Map<String, JSONObject> objects = state.computeIfAbsent(event.feed(), k -> new HashMap<>());
        switch (event.type()) {
            case SYNCED -> {
                objects.clear();
                JSONArray items = event.object().optJSONArray("items");
                for (int i = 0; items != null && i < items.length(); i++) {
                    JSONObject item = items.optJSONObject(i);
                    if (item != null) {
                        objects.put(name(item), item);
                    }
                }
            }
            case ADDED, MODIFIED -> objects.put(name(event.object()), event.object());
            case DELETED -> objects.remove(name(event.object()));
            default -> { }
        }
    }

    static String feedKey(ResourceType type, String namespace) {
        return type.apiVersion() + "/" + type.plural() + (namespace == null ? "" : "@" + namespace);
    }

    private static String name(JSONObject object) {
        return object.optJSONObject("metadata", new JSONObject()).optString("name");
    }

    private static Duration elapsed(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static String seconds(Duration duration) {
        return duration.toSeconds() >= 60 && duration.toSecondsPart() == 0 ? duration.toMinutes() + "m"
                : duration.toSeconds() + "s";
    }
}
