package hudson.model;

public interface Action extends ModelObject {
    String getIconFileName();

    String getUrlName();
}
