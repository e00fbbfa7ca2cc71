package hudson.model;

import java.util.List;

public abstract class Actionable {
    public <T extends Action> List<T> getActions(Class<T> type) {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }

    public void addAction(Action a) {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }

    public boolean addOrReplaceAction(Action a) {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }
}
