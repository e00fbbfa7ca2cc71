package hudson;

import java.util.AbstractList;

public class ExtensionList<T> extends AbstractList<T> {
    private ExtensionList() {
    }

    public static <U> U lookupSingleton(Class<U> type) {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }

    public static <U> ExtensionList<U> lookup(Class<U> type) {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }

    @Override
    public T get(int index) {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }

    @Override
    public int size() {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }
}
