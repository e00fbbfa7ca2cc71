package hudson;

import hudson.remoting.VirtualChannel;
import java.io.File;
import java.io.IOException;
import java.io.Serializable;

public final class FilePath implements org.jenkinsci.remoting.SerializableOnlyOverRemoting {
    private static final long serialVersionUID = 1L;

    private FilePath() {
    }

    public <T> T act(FileCallable<T> callable) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }

    public boolean isRemote() {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }

    public String getRemote() {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }

    public FilePath child(String relOrAbsolute) {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }

    public interface FileCallable<T> extends Serializable {
        T invoke(File f, VirtualChannel channel) throws IOException, InterruptedException;
    }
}
