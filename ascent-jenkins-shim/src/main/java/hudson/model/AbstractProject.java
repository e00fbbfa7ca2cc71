package hudson.model;

public abstract class AbstractProject<P, R> {
    private AbstractProject() {
    }
}
