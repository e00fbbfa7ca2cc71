package io.ascent.cli;

/** A JVM that watches stop signals as {@code ascent} does and, while it shuts down, prints the status it noted. */
final class StopSignalsProbe {

    private StopSignalsProbe() {
    }

    public static void main(String[] args) throws InterruptedException {
        StopSignals.install();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("noted " + StopSignals.status());
            System.out.flush();
        }));
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(60_000);
    }
}
