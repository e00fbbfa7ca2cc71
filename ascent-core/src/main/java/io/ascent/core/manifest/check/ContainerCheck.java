package io.ascent.core.manifest.check;

import io.ascent.core.manifest.PodTemplate;
import io.ascent.core.manifest.PodTemplate.Container;
import io.ascent.core.manifest.Resource;

/**
 * A check that looks at every container of every pod the manifests define (Pod, Deployment, StatefulSet,
 * DaemonSet, ReplicaSet, ReplicationController, Job, CronJob), init containers included unless
 * {@link #includesInitContainers()} says otherwise. Its unit of "looked at" is a container.
 */
abstract class ContainerCheck implements ManifestCheck {

    @Override
    public final void inspect(Resource resource, Findings findings) {
        if (!appliesTo(resource)) {
            return;
        }
        PodTemplate.of(resource).ifPresent(pod -> {
            for (Container container : includesInitContainers() ? pod.allContainers() : pod.containers()) {
                findings.looked();
                inspect(resource, pod, container, findings);
            }
        });
    }

    /** Whether the check looks at this workload at all; every workload by default. */
    boolean appliesTo(Resource resource) {
        return true;
    }

    boolean includesInitContainers() {
        return true;
    }

    abstract void inspect(Resource resource, PodTemplate pod, Container container, Findings findings);

    /** {@code 3 containers} or {@code 1 container}. */
    static String containers(int count) {
        return count + (count == 1 ? " container" : " containers");
    }
}
