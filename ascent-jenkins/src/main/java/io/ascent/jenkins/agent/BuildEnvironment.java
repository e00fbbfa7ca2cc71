package io.ascent.jenkins.agent;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * The environment of the build a step runs in, computed on the controller and sent to the agent with the callable,
 * where the engine runs in it instead of the agent JVM's: a Pipeline's {@code EnvVars} (the agent's environment
 * overridden by the build's, with {@code withEnv}, {@code withKubeConfig}, {@code withCredentials}, {@code tool} and
 * {@code PATH+X} applied), a freestyle build's {@code EnvVars}. So {@code KUBECONFIG}, the proxy, the {@code PATH}
 * kind, docker and exec plugins are found on, and {@code DOCKER_HOST} are the ones {@code sh} sees in the same block.
 *
 * <p>Ascent's own operator settings ({@value #OPERATOR_PREFIX}{@code *}: the allowed URLs, kind mount folders and
 * node image repositories, the kind executable) are the agent operator's, never the build's: a Jenkinsfile is the
 * repository's, and a {@code withEnv} there must not widen what the operator allows. The agent process's own values
 * are used for them ({@link #onAgent}).
 *
 * <p>Names compare ignoring case, as in Jenkins' {@code EnvVars} (a {@code TreeMap} ordered by
 * {@link String#CASE_INSENSITIVE_ORDER} on every platform, so a build never holds both {@code Path} and
 * {@code PATH}); the order travels with the map to the agent. On a Windows agent that is also how the system reads
 * them, and the engine starts children with one value per name ({@code ChildEnvironment}).
 *
 * <p>A bound credential may be a value here: {@link #toString()} names no value, and nothing prints one.
 */
public final class BuildEnvironment implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The prefix of Ascent's own variables, whose values are the agent operator's. */
    public static final String OPERATOR_PREFIX = "ASCENT_";

    private final TreeMap<String, String> variables;

    private BuildEnvironment(Map<String, String> variables) {
        this.variables = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        // EnvVars never holds null, a hand-made map might: a child process cannot be given one
        variables.forEach((name, value) -> {
            if (name != null && value != null) {
                this.variables.put(name, value);
            }
        });
    }

    /** The build's environment, copied (the {@code EnvVars} of the step context or of a freestyle build). */
    public static BuildEnvironment of(Map<String, String> build) {
        return new BuildEnvironment(build);
    }

    /** {@link #onAgent} on the agent this runs on: what the callables run the engine in. */
    public Map<String, String> onThisAgent() {
        // Deliberately the agent JVM's environment, for the operator's ASCENT_* settings only: a Jenkinsfile's
        // withEnv must not widen what the agent's operator allows.
        return onAgent(System.getenv());
    }

    /**
     * The environment the engine runs in on the agent: the build's, its {@value #OPERATOR_PREFIX} variables
     * replaced by those of {@code agentProcess} (the agent JVM's {@code System.getenv()}: the operator's).
     */
    public Map<String, String> onAgent(Map<String, String> agentProcess) {
        // ignoring case, like the build's EnvVars (and one saved before the order was: put again, not copied)
        Map<String, String> run = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        run.putAll(variables);
        // any case: on a Windows agent "ascent_kind" is ASCENT_KIND, and the engine reads it so there
        run.keySet().removeIf(BuildEnvironment::isOperatorSetting);
        agentProcess.forEach((name, value) -> {
            if (isOperatorSetting(name)) {
                run.put(name, value);
            }
        });
        return run;
    }

    private static boolean isOperatorSetting(String name) {
        return name.regionMatches(true, 0, OPERATOR_PREFIX, 0, OPERATOR_PREFIX.length());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BuildEnvironment environment && variables.equals(environment.variables);
    }

    @Override
    public int hashCode() {
        return variables.hashCode();
    }

    /** How many variables, never a value (one may be a credential). */
    @Override
    public String toString() {
        return "BuildEnvironment(" + variables.size() + " variables)";
    }
}
