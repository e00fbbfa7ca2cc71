package io.ascent.core.manifest.podsecurity;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.manifest.api.KubernetesVersion;
import java.util.List;
import java.util.stream.Stream;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each rule of the Pod Security Standards, on both sides of its version boundaries: a pod that meets the level and
 * one that breaks exactly the rule under test (the expected rule ids, in the admission's order, with one entry per
 * violation). A pod is written with single quotes for readability; {@code C} is a container that meets restricted.
 */
class PodSecurityStandardTest {
    /** A container that meets every restricted rule. */
    private static final String C = "{'name':'app','image':'x','securityContext':{'allowPrivilegeEscalation':false,"
            + "'capabilities':{'drop':['ALL']},'runAsNonRoot':true,'seccompProfile':{'type':'RuntimeDefault'}}}";
    /** A container that sets nothing. */
    private static final String BARE = "{'name':'app','image':'x'}";

    static Stream<Arguments> cases() {
        return Stream.of(
                // hostNamespaces
                c("baseline", "1.31", "{'hostNetwork':true,'hostPID':true,'hostIPC':false,'containers':[" + BARE + "]}",
                        "hostNamespaces", "hostNamespaces"),
                c("baseline", "1.31", "{'hostNetwork':false,'containers':[" + BARE + "]}"),
                // privileged, on an init container too
                c("baseline", "1.22", "{'initContainers':[{'name':'i','securityContext':{'privileged':true}}],"
                        + "'containers':[{'name':'a','securityContext':{'privileged':false}}]}", "privileged"),
                // capabilities: baseline allows the runtime defaults; restricted only NET_BIND_SERVICE, from 1.22
                c("baseline", "1.31", "{'containers':[{'name':'a','securityContext':{'capabilities':{'add':"
                        + "['CHOWN','SYS_ADMIN','NET_RAW']}}}]}", "capabilities_baseline", "capabilities_baseline"),
                c("baseline", "1.31", "{'containers':[{'name':'a','securityContext':{'capabilities':{'add':"
                        + "['CHOWN','KILL']}}}]}"),
                c("restricted", "1.21", "{'containers':[{'name':'a','securityContext':{'capabilities':{'add':"
                        + "['CHOWN']},'allowPrivilegeEscalation':false,'runAsNonRoot':true,'seccompProfile':"
                        + "{'type':'RuntimeDefault'}}}]}"),
                c("restricted", "1.22", "{'containers':[{'name':'a','securityContext':{'capabilities':{'add':"
                        + "['CHOWN']},'allowPrivilegeEscalation':false,'runAsNonRoot':true,'seccompProfile':"
                        + "{'type':'RuntimeDefault'}}}]}", "capabilities_restricted", "capabilities_restricted"),
                c("restricted", "1.31", "{'containers':[{'name':'a','securityContext':{'capabilities':{'add':"
                        + "['NET_BIND_SERVICE'],'drop':['ALL']},'allowPrivilegeEscalation':false,'runAsNonRoot':"
                        + "true,'seccompProfile':{'type':'RuntimeDefault'}}}]}"),
                c("restricted", "1.31", "{'containers':[{'name':'a','securityContext':{'capabilities':{'drop':"
                        + "['NET_RAW','SYS_ADMIN']},'allowPrivilegeEscalation':false,'runAsNonRoot':true,"
                        + "'seccompProfile':{'type':'RuntimeDefault'}}}]}", "capabilities_restricted"),
                // hostPath: baseline's rule, replaced by restricted's volume types
                c("baseline", "1.31", "{'volumes':[{'name':'h','hostPath':{'path':'/'}},{'name':'n','nfs':"
                        + "{'server':'s','path':'/'}}],'containers':[" + BARE + "]}", "hostPathVolumes"),
                c("restricted", "1.31", "{'securityContext':{'runAsNonRoot':true,'seccompProfile':{'type':"
                        + "'RuntimeDefault'}},'volumes':[{'name':'h','hostPath':{'path':'/'}},{'name':'n','nfs':"
                        + "{'server':'s','path':'/'}},{'name':'e','emptyDir':{}},{'name':'c','configMap':"
                        + "{'name':'c'}}],'containers':[" + C + "]}", "restrictedVolumes", "restrictedVolumes"),
                // hostPorts
                c("baseline", "1.31", "{'containers':[{'name':'a','ports':[{'containerPort':80,'hostPort':80},"
                        + "{'containerPort':81}]}]}", "hostPorts"),
                // AppArmor: field on pod and container, and the beta annotation
                c("baseline", "1.31", "{'securityContext':{'appArmorProfile':{'type':'Unconfined'}},'containers':"
                        + "[{'name':'a','securityContext':{'appArmorProfile':{'type':'Localhost','localhostProfile':"
                        + "'p'}}}]}", "appArmorProfile"),
                c("baseline", "1.31", "{'containers':[{'name':'a','securityContext':{'appArmorProfile':{'type':"
                        + "'Unconfined'}}}]}", "appArmorProfile"),
                cAnnotated("baseline", "1.31", "{'container.apparmor.security.beta.kubernetes.io/a':'unconfined'}",
                        "{'containers':[" + BARE + "]}", "appArmorProfile"),
                cAnnotated("baseline", "1.31", "{'container.apparmor.security.beta.kubernetes.io/a':"
                        + "'runtime/default'}", "{'containers':[" + BARE + "]}"),
                // SELinux: container_engine_t from 1.31; user and role never
                c("baseline", "1.30", "{'securityContext':{'seLinuxOptions':{'type':'container_engine_t'}},"
                        + "'containers':[" + BARE + "]}", "seLinuxOptions"),
                c("baseline", "1.31", "{'securityContext':{'seLinuxOptions':{'type':'container_engine_t'}},"
                        + "'containers':[" + BARE + "]}"),
                c("baseline", "1.31", "{'containers':[{'name':'a','securityContext':{'seLinuxOptions':{'type':"
                        + "'spc_t','user':'u','role':'r','level':'s0'}}}]}", "seLinuxOptions", "seLinuxOptions",
                        "seLinuxOptions"),
                // procMount: baseline relaxes for a pod in its own user namespace from 1.35, restricted does not
                c("baseline", "1.34", "{'hostUsers':false,'containers':[{'name':'a','securityContext':"
                        + "{'procMount':'Unmasked'}}]}", "procMount"),
                c("baseline", "1.35", "{'hostUsers':false,'containers':[{'name':'a','securityContext':"
                        + "{'procMount':'Unmasked'}}]}"),
                c("baseline", "1.35", "{'containers':[{'name':'a','securityContext':{'procMount':'Unmasked'}}]}",
                        "procMount"),
                c("restricted", "1.35", "{'hostUsers':false,'securityContext':{'seccompProfile':{'type':"
                        + "'RuntimeDefault'}},'containers':[{'name':'a','securityContext':{'procMount':'Unmasked',"
                        + "'allowPrivilegeEscalation':false,'capabilities':{'drop':['ALL']}}}]}",
                        "procMount_restricted"),
                c("baseline", "1.31", "{'containers':[{'name':'a','securityContext':{'procMount':'Default'}}]}"),
                // seccomp: annotations before 1.19, the field from 1.19; restricted requires a profile from 1.19
                cAnnotated("baseline", "1.18", "{'seccomp.security.alpha.kubernetes.io/pod':'unconfined',"
                        + "'container.seccomp.security.alpha.kubernetes.io/app':'docker/default'}", "{'containers':["
                        + BARE + "]}", "seccompProfile_baseline"),
                cAnnotated("baseline", "1.19", "{'seccomp.security.alpha.kubernetes.io/pod':'unconfined'}",
                        "{'containers':[" + BARE + "]}"),
                c("baseline", "1.18", "{'securityContext':{'seccompProfile':{'type':'Unconfined'}},'containers':["
                        + BARE + "]}"),
                c("baseline", "1.19", "{'securityContext':{'seccompProfile':{'type':'Unconfined'}},'containers':["
                        + "{'name':'a','securityContext':{'seccompProfile':{'type':'Unconfined'}}}]}",
                        "seccompProfile_baseline", "seccompProfile_baseline"),
                c("restricted", "1.18", "{'securityContext':{'runAsNonRoot':true},'containers':[{'name':'a',"
                        + "'securityContext':{'allowPrivilegeEscalation':false}}]}"),
                c("restricted", "1.19", "{'securityContext':{'runAsNonRoot':true},'containers':[{'name':'a',"
                        + "'securityContext':{'allowPrivilegeEscalation':false}}]}", "seccompProfile_restricted"),
                c("restricted", "1.31", "{'securityContext':{'runAsNonRoot':true,'seccompProfile':{'type':"
                        + "'Localhost','localhostProfile':'p'}},'containers':[{'name':'a','securityContext':{"
                        + "'allowPrivilegeEscalation':false,'capabilities':{'drop':['ALL']}}}]}"),
                c("restricted", "1.31", "{'securityContext':{'runAsNonRoot':true,'seccompProfile':{'type':"
                        + "'Unconfined'}},'containers':[" + C + "]}", "seccompProfile_restricted"),
                // sysctls: the allowed list grows in 1.27, 1.29, 1.32
                c("baseline", "1.26", sysctl("net.ipv4.ip_local_reserved_ports"), "sysctls"),
                c("baseline", "1.27", sysctl("net.ipv4.ip_local_reserved_ports")),
                c("baseline", "1.28", sysctl("net.ipv4.tcp_keepalive_time"), "sysctls"),
                c("baseline", "1.29", sysctl("net.ipv4.tcp_keepalive_time")),
                c("baseline", "1.31", sysctl("net.ipv4.tcp_rmem"), "sysctls"),
                c("baseline", "1.32", sysctl("net.ipv4.tcp_rmem")),
                c("baseline", "1.22", sysctl("kernel.shm_rmid_forced")),
                c("baseline", "1.35", sysctl("kernel.msgmax"), "sysctls"),
                // Windows host processes
                c("baseline", "1.31", "{'hostNetwork':true,'securityContext':{'windowsOptions':{'hostProcess':true}},"
                        + "'containers':[{'name':'a','securityContext':{'windowsOptions':{'hostProcess':true}}}]}",
                        "hostNamespaces", "windowsHostProcess", "windowsHostProcess"),
                // probe and lifecycle hosts, from 1.34
                c("baseline", "1.33", "{'containers':[{'name':'a','readinessProbe':{'httpGet':{'host':'10.0.0.1',"
                        + "'port':80}}}]}"),
                c("baseline", "1.34", "{'containers':[{'name':'a','readinessProbe':{'httpGet':{'host':'10.0.0.1',"
                        + "'port':80}},'livenessProbe':{'tcpSocket':{'port':80}},'lifecycle':{'preStop':{'tcpSocket':"
                        + "{'host':'h','port':1}}}}]}", "hostProbesAndHostLifecycle", "hostProbesAndHostLifecycle"),
                // allowPrivilegeEscalation from 1.8; Windows pods exempt from 1.25
                c("restricted", "1.7", "{'securityContext':{'runAsNonRoot':true},'containers':[" + BARE + "]}"),
                c("restricted", "1.8", "{'securityContext':{'runAsNonRoot':true},'containers':[" + BARE + "]}",
                        "allowPrivilegeEscalation"),
                c("restricted", "1.31", "{'securityContext':{'runAsNonRoot':true,'seccompProfile':{'type':"
                        + "'RuntimeDefault'}},'containers':[{'name':'a','securityContext':{'allowPrivilegeEscalation':"
                        + "true,'capabilities':{'drop':['ALL']}}}]}", "allowPrivilegeEscalation"),
                c("restricted", "1.24", "{'os':{'name':'windows'},'securityContext':{'runAsNonRoot':true},"
                        + "'containers':[" + BARE + "]}", "allowPrivilegeEscalation", "capabilities_restricted",
                        "seccompProfile_restricted"),
                c("restricted", "1.25", "{'os':{'name':'windows'},'securityContext':{'runAsNonRoot':true},"
                        + "'containers':[" + BARE + "]}"),
                c("restricted", "1.25", "{'os':{'name':'linux'},'securityContext':{'runAsNonRoot':true},"
                        + "'containers':[" + BARE + "]}", "allowPrivilegeEscalation", "capabilities_restricted",
                        "seccompProfile_restricted"),
                // runAsNonRoot: what is set false is named first; the pod's true covers every container
                c("restricted", "1.31", "{'securityContext':{'seccompProfile':{'type':'RuntimeDefault'}},"
                        + "'containers':[" + BARE.replace("'x'", "'x','securityContext':{'allowPrivilegeEscalation':"
                        + "false,'capabilities':{'drop':['ALL']}}") + "]}", "runAsNonRoot"),
                c("restricted", "1.31", "{'securityContext':{'runAsNonRoot':false,'seccompProfile':{'type':"
                        + "'RuntimeDefault'}},'containers':[" + C.replace("'runAsNonRoot':true,", "") + "]}",
                        "runAsNonRoot"),
                c("restricted", "1.31", "{'securityContext':{'runAsNonRoot':true},'containers':["
                        + C.replace("'runAsNonRoot':true", "'runAsNonRoot':false") + "]}", "runAsNonRoot"),
                // runAsUser=0 from 1.23; a pod in its own user namespace exempt from 1.35
                c("restricted", "1.22", "{'securityContext':{'runAsUser':0},'containers':[" + C + "]}"),
                c("restricted", "1.23", "{'securityContext':{'runAsUser':0},'containers':["
                        + C.replace("'runAsNonRoot':true", "'runAsNonRoot':true,'runAsUser':0") + "]}",
                        "runAsUser", "runAsUser"),
                c("restricted", "1.35", "{'hostUsers':false,'securityContext':{'runAsUser':0,'seccompProfile':"
                        + "{'type':'RuntimeDefault'}},'containers':[{'name':'a','securityContext':{"
                        + "'allowPrivilegeEscalation':false,'capabilities':{'drop':['ALL']}}}]}"),
                c("restricted", "1.34", "{'hostUsers':false,'securityContext':{'runAsUser':0,'seccompProfile':"
                        + "{'type':'RuntimeDefault'}},'containers':[{'name':'a','securityContext':{"
                        + "'allowPrivilegeEscalation':false,'capabilities':{'drop':['ALL']}}}]}",
                        "runAsNonRoot", "runAsUser"),
                // a restricted pod meets baseline and restricted alike; privileged allows anything
                c("restricted", "1.35", "{'containers':[" + C + "]}"),
                c("privileged", "1.35", "{'hostNetwork':true,'containers':[{'name':'a','securityContext':"
                        + "{'privileged':true}}]}"));
    }

    @ParameterizedTest(name = "{0} {1}: {2} -> {3}")
    @MethodSource("cases")
    void shouldJudgeEachRuleAsTheAdmissionDoesAtEachVersion(String level, String version, String annotations,
            String spec, List<String> expected) {
        PodSpec pod = new PodSpec(json(spec), List.of("spec"), json(annotations), List.of("metadata",
                "annotations"));
        List<String> rules = PodSecurityStandard.evaluate(PodSecurityLevel.parse(level).orElseThrow(),
                KubernetesVersion.parse(version), pod).stream().map(Violation::rule).toList();
        assertThat(rules).isEqualTo(expected);
    }

    @Test
    void shouldJudgeVersionsAfterTheNewestKnownAsTheNewestAndNoVersionAsLatest() {
        assertThat(PodSecurityStandard.policyVersion(KubernetesVersion.of(1, 40))).isEqualTo(KubernetesVersion.of(1,
                35));
        assertThat(PodSecurityStandard.policyVersion(null)).isEqualTo(PodSecurityStandard.NEWEST);
        assertThat(PodSecurityStandard.policyVersion(KubernetesVersion.of(1, 22))).isEqualTo(KubernetesVersion.of(1,
                22));
        assertThat(PodSecurityStandard.ruleIds(PodSecurityLevel.RESTRICTED, KubernetesVersion.of(1, 40)))
                .isEqualTo(PodSecurityStandard.ruleIds(PodSecurityLevel.RESTRICTED, KubernetesVersion.of(1, 35)))
                .contains("procMount_restricted").doesNotContain("procMount", "capabilities_baseline",
                        "hostPathVolumes", "seccompProfile_baseline");
        assertThat(PodSecurityStandard.ruleIds(PodSecurityLevel.RESTRICTED, KubernetesVersion.of(1, 21)))
                .contains("capabilities_baseline", "seccompProfile_restricted").doesNotContain("runAsUser");
    }

    @Test
    void shouldPointEachViolationAtItsFieldAndSayTheFixInTheAdmissionsWords() {
        PodSpec pod = new PodSpec(json("{'containers':[{'name':'web','securityContext':{'runAsNonRoot':true,"
                + "'seccompProfile':{'type':'RuntimeDefault'},'capabilities':{'drop':['ALL'],'add':['SYS_TIME']}}}]}"),
                List.of("spec", "template", "spec"), new JSONObject(), List.of());
        List<Violation> violations = PodSecurityStandard.evaluate(PodSecurityLevel.RESTRICTED,
                KubernetesVersion.of(1, 31), pod);
        assertThat(violations).extracting(Violation::reason, Violation::detail, Violation::tokens, Violation::fix)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("allowPrivilegeEscalation != false",
                                "container \"web\" must set securityContext.allowPrivilegeEscalation=false",
                                List.of("spec", "template", "spec", "containers", "0", "securityContext",
                                        "allowPrivilegeEscalation"),
                                "set securityContext.allowPrivilegeEscalation: false on container \"web\""),
                        org.assertj.core.groups.Tuple.tuple("unrestricted capabilities",
                                "container \"web\" must not include \"SYS_TIME\" in securityContext.capabilities.add",
                                List.of("spec", "template", "spec", "containers", "0", "securityContext",
                                        "capabilities", "add", "0"),
                                "remove SYS_TIME from securityContext.capabilities.add of container \"web\" (only"
                                        + " NET_BIND_SERVICE may be added)"));
    }

    private static Arguments c(String level, String version, String spec, String... rules) {
        return cAnnotated(level, version, "{}", spec, rules);
    }

    private static Arguments cAnnotated(String level, String version, String annotations, String spec,
            String... rules) {
        return Arguments.of(level, version, annotations, spec, List.of(rules));
    }

    private static String sysctl(String name) {
        return "{'securityContext':{'sysctls':[{'name':'" + name + "','value':'1'}]},'containers':[" + BARE + "]}";
    }

    private static JSONObject json(String singleQuoted) {
        return new JSONObject(singleQuoted.replace('\'', '"'));
    }
}
