package io.ascent.core.manifest.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class ZipEntriesTest {

    @Test
    void shouldReadTheBundledZipEntryByEntryAsAZipReaderDoes() throws IOException {
        ZipEntries entries;
        try (InputStream in = getClass().getResourceAsStream(KubernetesSchemaBundle.RESOURCE)) {
            entries = ZipEntries.read(in);
        }
        int compared = 0;
        try (ZipInputStream in = new ZipInputStream(getClass().getResourceAsStream(KubernetesSchemaBundle.RESOURCE))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                assertThat(entries.get(entry.getName())).as(entry.getName()).isEqualTo(in.readAllBytes());
                compared++;
            }
        }
        assertThat(entries.names()).hasSize(compared).hasSizeGreaterThan(1000);
        assertThat(entries.get("no/such.json")).isNull();
    }

    @Test
    void shouldReadStoredEntriesAndZipsWrittenToAStream() throws IOException {
        byte[] text = "{\"a\": 1}".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream stored = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(stored)) {
            ZipEntry entry = new ZipEntry("a.json");
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(text.length);
            CRC32 crc = new CRC32();
            crc.update(text);
            entry.setCrc(crc.getValue());
            out.putNextEntry(entry);
            out.write(text);
        }
        ByteArrayOutputStream deflatedWithDescriptors = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(deflatedWithDescriptors)) {
            out.putNextEntry(new ZipEntry("a.json"));
            out.write(text);
        }
        for (ByteArrayOutputStream zip : new ByteArrayOutputStream[] {stored, deflatedWithDescriptors}) {
            ZipEntries entries = ZipEntries.read(new ByteArrayInputStream(zip.toByteArray()));
            assertThat(entries.get("a.json")).isEqualTo(text);
            assertThat(entries.contains("a.json")).isTrue();
        }
    }
}
