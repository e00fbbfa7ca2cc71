package org.jenkinsci.plugins.workflow.steps;

public abstract class GeneralNonBlockingStepExecution extends StepExecution {
    private static final long serialVersionUID = 1L;

    protected GeneralNonBlockingStepExecution(StepContext context) {
        super(context);
    }

    /** Shim: runs the block at once on the caller's thread; the real one runs it on a pool thread. */
    protected final void run(Block block) {
        try {
            block.run();
        } catch (Throwable t) {
            getContext().onFailure(t);
        }
    }

    @FunctionalInterface
    protected interface Block {
        void run() throws Exception;
    }

    /** Shim: calls finished, then completes the step, as the real one does (there on a pool thread). */
    protected abstract class TailCall extends BodyExecutionCallback {
        private static final long serialVersionUID = 1L;

        protected abstract void finished(StepContext context) throws Exception;

        @Override
        public final void onSuccess(StepContext context, Object result) {
            try {
                finished(context);
            } catch (Throwable t) {
                context.onFailure(t);
                return;
            }
            context.onSuccess(result);
        }

        @Override
        public final void onFailure(StepContext context, Throwable t) {
            try {
                finished(context);
            } catch (Throwable t2) {
                t.addSuppressed(t2);
            }
            context.onFailure(t);
        }
    }
}
