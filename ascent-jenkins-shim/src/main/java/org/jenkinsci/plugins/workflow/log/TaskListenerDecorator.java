package org.jenkinsci.plugins.workflow.log;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;

public abstract class TaskListenerDecorator implements Serializable {
    private static final long serialVersionUID = 1L;

    public abstract OutputStream decorate(OutputStream logger) throws IOException, InterruptedException;

    public static TaskListenerDecorator merge(TaskListenerDecorator original, TaskListenerDecorator subsequent) {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }
}
