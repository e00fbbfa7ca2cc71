package io.ascent.controlplane;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * Pods for {@link PodSecurityParityTest}: for every rule of the Pod Security Standards, pods that meet it and pods
 * that break it, the version-dependent ones on both sides of their boundaries. Each is a valid pod for the API
 * server (a pod its validation refuses would prove nothing about the admission), made from a pod that meets
 * restricted ({@link #RESTRICTED}) or one that sets nothing ({@link #BARE}), with a change merged in. Changes are
 * written with single quotes; {@code container} merges into the first container, {@code spec} and {@code metadata}
 * into the pod's (objects merge, everything else is replaced, {@code null} removes).
 */
final class PodSecurityCorpus {
    private static final String RESTRICTED = "{'metadata':{},'spec':{'securityContext':{'runAsNonRoot':true,"
            + "'seccompProfile':{'type':'RuntimeDefault'}},'containers':[{'name':'app','image':'registry.test/app:1',"
            + "'securityContext':{'allowPrivilegeEscalation':false,'capabilities':{'drop':['ALL']}}}]}}";
    private static final String BARE = "{'metadata':{},'spec':{'containers':[{'name':'app','image':"
            + "'registry.test/app:1'}]}}";

    /** One pod of the corpus. */
    record Case(String name, JSONObject pod) {
    }

    private PodSecurityCorpus() {
    }

    static List<Case> cases() {
        List<Case> all = new ArrayList<>();
        // Whole pods
        add(all, "restricted", RESTRICTED, "{}");
        add(all, "bare", BARE, "{}");
        add(all, "restricted-on-containers", RESTRICTED, "{'spec':{'securityContext':null},'container':{"
                + "'securityContext':{'runAsNonRoot':true,'seccompProfile':{'type':'RuntimeDefault'}}}}");
        add(all, "restricted-localhost-seccomp", RESTRICTED, "{'spec':{'securityContext':{'seccompProfile':{"
                + "'type':'Localhost','localhostProfile':'profiles/app.json'}}}}");
        add(all, "restricted-with-bare-init", RESTRICTED, "{'spec':{'initContainers':[{'name':'init','image':"
                + "'registry.test/init:1'}]}}");
        add(all, "restricted-second-container-bare", RESTRICTED, "{'spec':{'containers':[{'name':'app','image':"
                + "'registry.test/app:1','securityContext':{'allowPrivilegeEscalation':false,'capabilities':{'drop':"
                + "['ALL']}}},{'name':'sidecar','image':'registry.test/sidecar:1'}]}}");
        // privileged
        add(all, "privileged", BARE, "{'container':{'securityContext':{'privileged':true}}}");
        add(all, "privileged-false", RESTRICTED, "{'container':{'securityContext':{'privileged':false}}}");
        add(all, "privileged-init", RESTRICTED, "{'spec':{'initContainers':[{'name':'init','image':"
                + "'registry.test/init:1','securityContext':{'privileged':true}}]}}");
        // host namespaces
        add(all, "host-network", RESTRICTED, "{'spec':{'hostNetwork':true}}");
        add(all, "host-pid", RESTRICTED, "{'spec':{'hostPID':true}}");
        add(all, "host-ipc", BARE, "{'spec':{'hostIPC':true}}");
        add(all, "host-namespaces-false", RESTRICTED, "{'spec':{'hostNetwork':false,'hostPID':false,"
                + "'hostIPC':false}}");
        // volumes
        add(all, "host-path-volume", RESTRICTED, volume("{'name':'host','hostPath':{'path':'/var/log'}}"));
        add(all, "nfs-volume", RESTRICTED, volume("{'name':'share','nfs':{'server':'nfs.test','path':'/'}}"));
        add(all, "flex-volume", BARE, volume("{'name':'flex','flexVolume':{'driver':'vendor/driver'}}"));
        add(all, "allowed-volumes", RESTRICTED, "{'spec':{'volumes':[{'name':'a','configMap':{'name':'c'}},"
                + "{'name':'b','secret':{'secretName':'s'}},{'name':'c','emptyDir':{}},{'name':'d','projected':"
                + "{'sources':[]}},{'name':'e','downwardAPI':{'items':[]}},{'name':'f','persistentVolumeClaim':"
                + "{'claimName':'p'}},{'name':'g','csi':{'driver':'csi.test'}},{'name':'h','ephemeral':"
                + "{'volumeClaimTemplate':{'spec':{'accessModes':['ReadWriteOnce'],'resources':{'requests':"
                + "{'storage':'1Gi'}}}}}}]}}");
        // host ports
        add(all, "host-port", RESTRICTED, "{'container':{'ports':[{'containerPort':8080,'hostPort':8080}]}}");
        add(all, "container-port-only", RESTRICTED, "{'container':{'ports':[{'containerPort':8080}]}}");
        // capabilities
        add(all, "add-sys-admin", BARE, caps("{'add':['SYS_ADMIN']}"));
        add(all, "add-net-raw", BARE, caps("{'add':['NET_RAW']}"));
        add(all, "add-default-capabilities", BARE, caps("{'add':['CHOWN','KILL','SETUID']}"));
        add(all, "drop-all-add-net-bind-service", RESTRICTED, caps("{'drop':['ALL'],'add':['NET_BIND_SERVICE']}"));
        add(all, "drop-all-add-chown", RESTRICTED, caps("{'drop':['ALL'],'add':['CHOWN']}"));
        add(all, "drop-net-raw-only", RESTRICTED, caps("{'drop':['NET_RAW']}"));
        add(all, "no-capabilities", RESTRICTED, "{'container':{'securityContext':{'capabilities':null}}}");
        // AppArmor
        add(all, "apparmor-pod-unconfined", RESTRICTED, "{'spec':{'securityContext':{'appArmorProfile':{'type':"
                + "'Unconfined'}}}}");
        add(all, "apparmor-container-unconfined", BARE, "{'container':{'securityContext':{'appArmorProfile':"
                + "{'type':'Unconfined'}}}}");
        add(all, "apparmor-runtime-default", RESTRICTED, "{'spec':{'securityContext':{'appArmorProfile':{'type':"
                + "'RuntimeDefault'}}}}");
        add(all, "apparmor-annotation-unconfined", RESTRICTED, "{'metadata':{'annotations':{"
                + "'container.apparmor.security.beta.kubernetes.io/app':'unconfined'}}}");
        add(all, "apparmor-annotation-runtime-default", RESTRICTED, "{'metadata':{'annotations':{"
                + "'container.apparmor.security.beta.kubernetes.io/app':'runtime/default'}}}");
        add(all, "apparmor-annotation-localhost", BARE, "{'metadata':{'annotations':{"
                + "'container.apparmor.security.beta.kubernetes.io/app':'localhost/app'}}}");
        // SELinux
        add(all, "selinux-spc-t", RESTRICTED, "{'spec':{'securityContext':{'seLinuxOptions':{'type':'spc_t'}}}}");
        add(all, "selinux-container-engine-t", BARE, "{'container':{'securityContext':{'seLinuxOptions':{'type':"
                + "'container_engine_t'}}}}");
        add(all, "selinux-container-t", RESTRICTED, "{'container':{'securityContext':{'seLinuxOptions':{'type':"
                + "'container_t','level':'s0:c1,c2'}}}}");
        add(all, "selinux-user", RESTRICTED, "{'container':{'securityContext':{'seLinuxOptions':{'user':"
                + "'system_u'}}}}");
        add(all, "selinux-role", BARE, "{'spec':{'securityContext':{'seLinuxOptions':{'role':'system_r'}}}}");
        // procMount
        add(all, "proc-mount-unmasked-user-namespace", RESTRICTED, "{'spec':{'hostUsers':false},'container':{"
                + "'securityContext':{'procMount':'Unmasked'}}}");
        add(all, "proc-mount-default", RESTRICTED, "{'container':{'securityContext':{'procMount':'Default'}}}");
        // seccomp
        add(all, "seccomp-pod-unconfined", RESTRICTED, "{'spec':{'securityContext':{'seccompProfile':{'type':"
                + "'Unconfined'}}}}");
        add(all, "seccomp-container-unconfined", RESTRICTED, "{'container':{'securityContext':{'seccompProfile':"
                + "{'type':'Unconfined'}}}}");
        add(all, "seccomp-container-runtime-default-only", RESTRICTED, "{'spec':{'securityContext':"
                + "{'seccompProfile':null}},'container':{'securityContext':{'seccompProfile':{'type':"
                + "'RuntimeDefault'}}}}");
        add(all, "seccomp-missing", RESTRICTED, "{'spec':{'securityContext':{'seccompProfile':null}}}");
        add(all, "seccomp-annotation-pod-unconfined", BARE, "{'metadata':{'annotations':{"
                + "'seccomp.security.alpha.kubernetes.io/pod':'unconfined'}}}");
        add(all, "seccomp-annotation-container-runtime-default", BARE, "{'metadata':{'annotations':{"
                + "'container.seccomp.security.alpha.kubernetes.io/app':'runtime/default'}}}");
        // sysctls
        for (String sysctl : List.of("kernel.shm_rmid_forced", "net.ipv4.ip_local_reserved_ports",
                "net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout", "net.ipv4.tcp_rmem", "kernel.msgmax")) {
            add(all, "sysctl-" + sysctl.replace('.', '-').replace('_', '-'), RESTRICTED, "{'spec':{"
                    + "'securityContext':{'sysctls':[{'name':'" + sysctl + "','value':'1'}]}}}");
        }
        // Windows host processes, and the Windows relaxations of restricted
        add(all, "host-process-pod", BARE, "{'spec':{'hostNetwork':true,'securityContext':{'windowsOptions':"
                + "{'hostProcess':true}}}}");
        add(all, "host-process-container", BARE, "{'spec':{'hostNetwork':true},'container':{'securityContext':"
                + "{'windowsOptions':{'hostProcess':true}}}}");
        add(all, "windows-run-as-non-root", BARE, "{'spec':{'os':{'name':'windows'},'securityContext':"
                + "{'runAsNonRoot':true}}}");
        add(all, "windows-bare", BARE, "{'spec':{'os':{'name':'windows'}}}");
        add(all, "linux-restricted", RESTRICTED, "{'spec':{'os':{'name':'linux'}}}");
        // probe and lifecycle hosts
        add(all, "probe-http-host", RESTRICTED, "{'container':{'readinessProbe':{'httpGet':{'host':'10.0.0.1',"
                + "'port':80}}}}");
        add(all, "probe-tcp-host", BARE, "{'container':{'livenessProbe':{'tcpSocket':{'host':'db.test',"
                + "'port':5432}}}}");
        add(all, "lifecycle-host", RESTRICTED, "{'container':{'lifecycle':{'preStop':{'httpGet':{'host':"
                + "'10.0.0.2','port':80,'path':'/quit'}}}}}");
        add(all, "probe-without-host", RESTRICTED, "{'container':{'startupProbe':{'httpGet':{'port':80}}}}");
        // allowPrivilegeEscalation
        add(all, "privilege-escalation-true", RESTRICTED, "{'container':{'securityContext':"
                + "{'allowPrivilegeEscalation':true}}}");
        add(all, "privilege-escalation-missing", RESTRICTED, "{'container':{'securityContext':"
                + "{'allowPrivilegeEscalation':null}}}");
        // runAsNonRoot and runAsUser
        add(all, "run-as-non-root-false", RESTRICTED, "{'spec':{'securityContext':{'runAsNonRoot':false}}}");
        add(all, "run-as-non-root-false-container", RESTRICTED, "{'container':{'securityContext':"
                + "{'runAsNonRoot':false}}}");
        add(all, "run-as-non-root-missing", RESTRICTED, "{'spec':{'securityContext':{'runAsNonRoot':null}}}");
        add(all, "run-as-user-0-pod", RESTRICTED, "{'spec':{'securityContext':{'runAsUser':0}}}");
        add(all, "run-as-user-0-container", RESTRICTED, "{'container':{'securityContext':{'runAsUser':0}}}");
        add(all, "run-as-user-1000", RESTRICTED, "{'spec':{'securityContext':{'runAsUser':1000}}}");
        add(all, "user-namespace-root", RESTRICTED, "{'spec':{'hostUsers':false,'securityContext':{'runAsNonRoot':"
                + "null,'runAsUser':0}}}");
        add(all, "user-namespace-bare", BARE, "{'spec':{'hostUsers':false}}");
        return all;
    }

    private static String volume(String volume) {
        return "{'spec':{'volumes':[" + volume + "]}}";
    }

    private static String caps(String capabilities) {
        return "{'container':{'securityContext':{'capabilities':" + capabilities + "}}}";
    }

    private static void add(List<Case> all, String name, String base, String change) {
        JSONObject pod = json(base);
        JSONObject patch = json(change);
        JSONObject container = patch.optJSONObject("container");
        if (container != null) {
            merge(pod.getJSONObject("spec").getJSONArray("containers").getJSONObject(0), container);
        }
        merge(pod.getJSONObject("spec"), patch.optJSONObject("spec"));
        merge(pod.getJSONObject("metadata"), patch.optJSONObject("metadata"));
        pod.put("apiVersion", "v1");
        pod.put("kind", "Pod");
        pod.getJSONObject("metadata").put("name", name.toLowerCase(Locale.ROOT));
        all.add(new Case(name, pod));
    }

    /** JSON merge patch (RFC 7386): objects merge, null removes, anything else replaces. */
    private static void merge(JSONObject target, JSONObject patch) {
        if (patch == null) {
            return;
        }
        for (String key : patch.keySet()) {
            Object value = patch.get(key);
            if (JSONObject.NULL.equals(value)) {
                target.remove(key);
            } else if (value instanceof JSONObject object && target.opt(key) instanceof JSONObject existing) {
                merge(existing, object);
            } else {
                target.put(key, value instanceof JSONArray array ? new JSONArray(array.toList()) : value);
            }
        }
    }

    private static JSONObject json(String singleQuoted) {
        return new JSONObject(singleQuoted.replace('\'', '"'));
    }
}
