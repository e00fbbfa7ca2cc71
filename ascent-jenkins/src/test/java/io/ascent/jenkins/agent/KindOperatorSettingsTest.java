package io.ascent.jenkins.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KindOperatorSettingsTest {

    private final KindOperatorSettings global = new KindOperatorSettings(List.of("/var/cache/global", "/srv/m2/"),
            List.of("global.corp/kindest/node"));

    @Test
    void shouldAddTheAgentsMountFoldersToTheGlobalOnes() {
        assertThat(global.mountFolders(Map.of("ASCENT_KIND_MOUNTS", " /srv/agent " + File.pathSeparator + File
                .pathSeparator + "/srv/m2"))).containsExactly(Path.of("/var/cache/global"), Path.of("/srv/m2"),
                Path.of("/srv/agent"));
        assertThat(global.mountFolders(Map.of())).containsExactly(Path.of("/var/cache/global"), Path.of("/srv/m2"));
        assertThat(KindOperatorSettings.NONE.mountFolders(Map.of("ASCENT_KIND_MOUNTS", "/srv/agent")))
                .containsExactly(Path.of("/srv/agent"));
    }

    @Test
    void shouldAcceptKindsTheGlobalAndTheAgentsNodeImages() {
        assertThat(global.allowedNodeImages(Map.of("ASCENT_KIND_NODE_IMAGES", "agent.corp/node")))
                .contains("kindest/node", "global.corp/kindest/node", "agent.corp/node");
        assertThat(KindOperatorSettings.NONE.allowedNodeImages(Map.of())).doesNotContain("global.corp/kindest/node")
                .contains("kindest/node");
    }

    @Test
    void shouldCrossTheChannel() throws Exception {
        assertThat(Serialization.roundTrip(global)).isEqualTo(global);
    }
}
