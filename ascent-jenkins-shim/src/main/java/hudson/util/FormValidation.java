package hudson.util;

import java.io.IOException;

public abstract class FormValidation extends IOException {
    private static final long serialVersionUID = 1L;

    public final Kind kind;

    private FormValidation(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public static FormValidation ok() {
        return new Answer(Kind.OK, null);
    }

    public static FormValidation error(String message) {
        return new Answer(Kind.ERROR, message);
    }

    public static FormValidation warning(String message) {
        return new Answer(Kind.WARNING, message);
    }

    public enum Kind { OK, WARNING, ERROR }

    private static final class Answer extends FormValidation {
        private static final long serialVersionUID = 1L;

        Answer(Kind kind, String message) {
            super(kind, message);
        }
    }
}
