package io.ascent.core.report;

import java.net.URL;
import java.net.URLClassLoader;

/**
 * Loads the engine's own classes anew (the JDK's and the libraries' from the test's loader) and says which it has
 * loaded: for tests of what a cold start loads, which other tests in the same JVM have loaded long ago.
 */
public final class FreshClassLoader extends URLClassLoader {

    /** A loader of the engine's classes, from where {@code engineClass} was loaded. */
    public FreshClassLoader(Class<?> engineClass) {
        super(new URL[] {engineClass.getProtectionDomain().getCodeSource().getLocation()},
                FreshClassLoader.class.getClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.startsWith("io.ascent.")) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> own = findLoadedClass(name);
            return own != null ? own : findClass(name);
        }
    }

    /** Whether this loader has loaded its own copy of {@code type}. */
    public boolean loaded(Class<?> type) {
        return findLoadedClass(type.getName()) != null;
    }
}
