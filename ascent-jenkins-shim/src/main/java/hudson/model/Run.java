package hudson.model;

import java.io.File;
import java.nio.charset.Charset;

public abstract class Run<JobT, RunT> extends Actionable {
    public File getRootDir() {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }

    public String getUrl() {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }

    public Result getResult() {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }

    public void setResult(Result r) {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }

    public String getExternalizableId() {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }

    public Charset getCharset() {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }

    public int getNumber() {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }
}
