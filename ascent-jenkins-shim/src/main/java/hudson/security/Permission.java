package hudson.security;

public final class Permission {
    public static final Permission CONFIGURE = new Permission("Configure");

    private final String name;

    private Permission(String name) {
        this.name = name;
    }

    @Override
    public String toString() {
        return name;
    }
}
