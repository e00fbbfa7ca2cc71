package hudson.model;

public abstract class Descriptor<T extends Describable<T>> {
    protected Descriptor() {
    }

    public String getDisplayName() {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }

    public synchronized void load() {
        // the shim keeps nothing
    }

    public synchronized void save() {
        // the shim keeps nothing
    }
}
