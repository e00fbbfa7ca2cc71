package io.ascent.core.provision.kind;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The generated table against facts from kind's release notes and image.go (DESIGN.md "Provisioner facts"). */
class KindNodeImagesTest {

    private final KindNodeImages table = KindNodeImages.builtIn();

    @Test
    void shouldListV031ImagesWithTheDigestsOfItsReleaseNotes() {
        Map<String, String> images = table.imagesOf("v0.31.0").stream()
                .collect(Collectors.toMap(i -> i.version().toString(), NodeImage::digest));

        assertThat(images).containsExactlyInAnyOrderEntriesOf(Map.of(
                "1.35.0", "sha256:452d707d4862f52530247495d180205e029056831160e22870e37e3f6c1ac31f",
                "1.34.3", "sha256:08497ee19eace7b4b5348db5c6a1591d7752b164530a36f855cb0f2bdcbadd48",
                "1.33.7", "sha256:d26ef333bdb2cbe9862a0f7c3803ecc7b4303d8cea8e814b481b09949d353040",
                "1.32.11", "sha256:5fc52d52a7b9574015299724bd68f183702956aa4a2116ae75a63cb574b35af8",
                "1.31.14", "sha256:6f86cf509dbb42767b6e79debc3f2c32e4ee01386f0489b3b2be24b0a55aac2b"));
    }

    @Test
    void shouldKnowEachReleasesDefaultImageFromImageGo() {
        assertThat(table.defaultImage("v0.31.0").orElseThrow().reference()).isEqualTo(
                "kindest/node:v1.35.0@sha256:452d707d4862f52530247495d180205e029056831160e22870e37e3f6c1ac31f");
        assertThat(table.defaultImage("v0.32.0").orElseThrow().reference()).isEqualTo(
                "kindest/node:v1.36.1@sha256:3489c7674813ba5d8b1a9977baea8a6e553784dab7b84759d1014dbd78f7ebd5");
        assertThat(table.defaultImage("v0.30.0").orElseThrow().reference()).isEqualTo(
                "kindest/node:v1.34.0@sha256:7416a61b42b1662ca6ca89f02028ac133a309a2a30ba309614e8ec94d976dc5a");
        assertThat(table.defaultImage("v0.29.0").orElseThrow().reference()).isEqualTo(
                "kindest/node:v1.33.1@sha256:050072256b9a903bd914c0b2866828150cb229cea0efe5892e2b644d5dd3b34f");
        assertThat(table.defaultImage("v0.17.0").orElseThrow().version()).hasToString("1.25.3");
    }

    @Test
    void shouldCoverEveryReleaseFromV017ToV033WithOneDefaultEach() {
        assertThat(table.oldestRelease()).isEqualTo("v0.17.0");
        assertThat(table.newestRelease()).isEqualTo("v0.33.0");
        assertThat(table.releases()).hasSize(17);
        for (String release : table.releases()) {
            List<NodeImage> images = table.imagesOf(release);
            assertThat(images.stream().filter(NodeImage::isDefault)).as(release).hasSize(1);
            assertThat(images).allSatisfy(image -> assertThat(image.reference())
                    .matches("kindest/node:v" + image.version() + "@sha256:[0-9a-f]{64}"));
        }
    }

    @Test
    void shouldTellTheSameTagOfDifferentReleasesApartByDigest() {
        NodeImage v028 = table.find("v0.28.0", NodeVersion.parse("1.33.1").orElseThrow()).orElseThrow();
        NodeImage v029 = table.find("v0.29.0", NodeVersion.parse("1.33.1").orElseThrow()).orElseThrow();

        assertThat(v028.digest()).isNotEqualTo(v029.digest());
        assertThat(table.withDigest(v029.digest())).extracting(NodeImage::kindRelease).containsExactly("v0.29.0");
    }

    @Test
    void shouldHaveNoImageFor1221ButFind122InFourReleases() {
        assertThat(table.releasesWith(NodeVersion.parse("1.22.1").orElseThrow())).isEmpty();
        assertThat(table.releasesWith(NodeVersion.parse("1.22").orElseThrow()))
                .extracting(i -> i.kindRelease() + " " + i.version())
                .containsExactly("v0.20.0 1.22.17", "v0.19.0 1.22.17", "v0.18.0 1.22.17", "v0.17.0 1.22.15");
    }

    @Test
    void shouldPickTheNewestPatchForAMinorAndTheExactOneForAPatch() {
        assertThat(table.find("v0.24.0", NodeVersion.parse("1.30").orElseThrow()).orElseThrow().version())
                .hasToString("1.30.4");
        assertThat(table.find("v0.24.0", NodeVersion.parse("1.30.3").orElseThrow()).orElseThrow().version())
                .hasToString("1.30.3");
        assertThat(table.find("v0.24.0", NodeVersion.parse("1.30.5").orElseThrow())).isEmpty();
    }

    @Test
    void shouldReadKindVersionOutput() {
        assertThat(KindRelease.parse("kind v0.31.0 go1.25.5 linux/amd64").orElseThrow().tag()).isEqualTo("v0.31.0");
        assertThat(KindRelease.parse("kind v0.33.0-alpha+abc go1.26 linux/amd64").orElseThrow().preRelease())
                .isEqualTo("alpha");
        assertThat(KindRelease.parse("command not found")).isEmpty();
    }
}
