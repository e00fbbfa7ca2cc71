package io.ascent.core.repo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.Adler32;
import java.util.zip.Deflater;
import org.eclipse.jgit.internal.storage.file.ObjectDirectory;
import org.eclipse.jgit.internal.storage.pack.PackWriter;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.pack.PackConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link PackedSizes} reads a packed blob's size from its entry's header, and must give JGit's answer for every way
 * git stores a blob: whole, as a delta naming its base by offset (what {@code git gc} writes) or by id (what some
 * packs received over the wire hold), empty, larger than the stream threshold; and it must leave a loose blob to
 * JGit rather than guess.
 */
class PackedSizesTest {

    @TempDir
    Path dir;

    @Test
    void shouldGiveJGitsSizeForWholeAndOffsetDeltaBlobs() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            Map<String, ObjectId> blobs = commitVariedBlobs(repo);
            repo.git().gc().setAggressive(true).call();
            assertSameSizesAsJGit(repo, blobs, Set.of("whole", "ofs-delta"));
        }
    }

    @Test
    void shouldGiveJGitsSizeForReferenceDeltaBlobs() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            Map<String, ObjectId> blobs = commitVariedBlobs(repo);
            writePackWithReferenceDeltas(repo.repository());
            assertSameSizesAsJGit(repo, blobs, Set.of("whole", "ref-delta"));
        }
    }

    @Test
    void shouldLeaveLooseBlobsToJGit() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.file("loose.txt", "not packed\n").file("empty.txt", "").commit("loose");
            Repository repository = repo.repository();
            ObjectId loose = repository.resolve("HEAD:loose.txt");
            List<AnyObjectId> askedJGit = new ArrayList<>();
            try (ObjectReader reader = repository.newObjectReader();
                    PackedSizes sizes = new PackedSizes(repository, id -> {
                        askedJGit.add(id.copy());
                        return reader.getObjectSize(id, Constants.OBJ_BLOB);
                    })) {
                assertThat(sizes.size(loose)).isEqualTo(11);
            }
            assertThat(askedJGit).containsExactly(loose);
        }
    }

    /**
     * An interrupt (an aborted build) closes the channel a read was waiting on; the size still comes, from JGit, and
     * the interrupt stays set for the scan to stop on.
     */
    @Test
    void shouldKeepTheInterruptOfAnInterruptedReader() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            Map<String, ObjectId> blobs = commitVariedBlobs(repo);
            repo.git().gc().call();
            Repository repository = repo.repository();
            ObjectId blob = blobs.get("text/25000.txt");
            try (ObjectReader reader = repository.newObjectReader();
                    PackedSizes sizes = new PackedSizes(repository, id -> reader.getObjectSize(id,
                            Constants.OBJ_BLOB))) {
                Thread.currentThread().interrupt();
                try {
                    assertThat(sizes.size(blob)).isEqualTo(25_000);
                    assertThat(Thread.currentThread().isInterrupted()).isTrue();
                } finally {
                    Thread.interrupted();
                }
                assertThat(sizes.size(blobs.get("text/16384.txt"))).isEqualTo(16_384);
            }
        }
    }

    /**
     * A delta whose compressed data starts with 70 KB of empty deflate blocks (valid, and what a crafted pack could
     * hold to make every size read crawl through the pack): the header reader gives up at its input limit and JGit
     * answers, with the right size.
     */
    @Test
    void shouldLeaveADeltaThatTakesTooLongToStartToJGit() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            Repository repository = repo.repository();
            byte[] base = "a line of the base text\n".repeat(4).getBytes(StandardCharsets.US_ASCII);
            byte[] result = (new String(base, StandardCharsets.US_ASCII) + "hello").getBytes(StandardCharsets.US_ASCII);
            ByteArrayOutputStream delta = new ByteArrayOutputStream();
            delta.write(base.length);
            delta.write(result.length);
            delta.write(0x90); // copy, one size byte, offset 0
            delta.write(base.length);
            delta.write(5); // insert 5 bytes
            delta.write("hello".getBytes(StandardCharsets.US_ASCII));
            ByteArrayOutputStream pack = new ByteArrayOutputStream();
            pack.write("PACK".getBytes(StandardCharsets.US_ASCII));
            pack.write(new byte[] {0, 0, 0, 2, 0, 0, 0, 2});
            int baseAt = pack.size();
            writeEntryHeader(pack, Constants.OBJ_BLOB, base.length);
            pack.write(zlib(base, 0));
            int deltaAt = pack.size();
            writeEntryHeader(pack, Constants.OBJ_OFS_DELTA, delta.size());
            pack.write(deltaAt - baseAt); // under 128: one byte
            pack.write(zlib(delta.toByteArray(), 14_000));
            pack.write(MessageDigest.getInstance("SHA-1").digest(pack.toByteArray()));
            try (ObjectInserter inserter = repository.newObjectInserter()) {
                inserter.newPackParser(new ByteArrayInputStream(pack.toByteArray())).parse(NullProgressMonitor.INSTANCE);
                inserter.flush();
            }
            ObjectId id = new ObjectInserter.Formatter().idFor(Constants.OBJ_BLOB, result);
            List<AnyObjectId> askedJGit = new ArrayList<>();
            try (ObjectReader reader = repository.newObjectReader();
                    PackedSizes sizes = new PackedSizes(repository, asked -> {
                        askedJGit.add(asked.copy());
                        return reader.getObjectSize(asked, Constants.OBJ_BLOB);
                    })) {
                assertThat(sizes.size(id)).isEqualTo(result.length);
                assertThat(askedJGit).containsExactly(id);
                askedJGit.clear();
                assertThat(sizes.size(new ObjectInserter.Formatter().idFor(Constants.OBJ_BLOB, base)))
                        .isEqualTo(base.length);
                assertThat(askedJGit).as("the whole base is read from its header").isEmpty();
            }
        }
    }

    private static void writeEntryHeader(ByteArrayOutputStream out, int type, int size) {
        int c = (type << 4) | (size & 15);
        size >>>= 4;
        while (size != 0) {
            out.write(c | 0x80);
            c = size & 0x7f;
            size >>>= 7;
        }
        out.write(c);
    }

    /** A zlib stream of {@code data} that starts with {@code emptyBlocks} empty stored deflate blocks. */
    private static byte[] zlib(byte[] data, int emptyBlocks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x78);
        out.write(0x01);
        for (int i = 0; i < emptyBlocks; i++) {
            out.writeBytes(new byte[] {0, 0, 0, (byte) 0xff, (byte) 0xff}); // not final, stored, length 0
        }
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(data);
        deflater.finish();
        byte[] buffer = new byte[1024];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        Adler32 adler = new Adler32();
        adler.update(data);
        long sum = adler.getValue();
        out.writeBytes(new byte[] {(byte) (sum >>> 24), (byte) (sum >>> 16), (byte) (sum >>> 8), (byte) sum});
        return out.toByteArray();
    }

    /**
     * Blobs of many sizes, most of them near-identical so that packing stores them as deltas whose base differs in
     * size from the result (a reader returning the base's size, or the delta's length, gives a wrong number).
     */
    private static Map<String, ObjectId> commitVariedBlobs(TestRepository repo) throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < 40_000; i++) {
            text.append("line ").append(i).append(" of a text that packs as deltas\n");
        }
        Map<String, Integer> lengths = new LinkedHashMap<>();
        lengths.put("empty.txt", 0);
        lengths.put("one.txt", 1);
        lengths.put("fifteen.txt", 15);
        lengths.put("sixteen.txt", 16);
        for (int length : new int[] {127, 128, 2047, 2048, 4095, 16_383, 16_384, 25_000, 39_999, 40_000}) {
            lengths.put("text/" + length + ".txt", length);
        }
        for (Map.Entry<String, Integer> file : lengths.entrySet()) {
            repo.file(file.getKey(), text.substring(0, file.getValue()));
        }
        byte[] large = new byte[(1 << 20) + 3]; // over the stream threshold: streamed by JGit when opened
        for (int i = 0; i < large.length; i++) {
            large[i] = (byte) (i * 31 + (i >> 12));
        }
        repo.file("large.bin", large);
        byte[] largeEdited = large.clone();
        largeEdited[500_000] ^= 1;
        repo.file("large-edited.bin", java.util.Arrays.copyOf(largeEdited, large.length - 1000));
        repo.commit("varied");
        Map<String, ObjectId> ids = new LinkedHashMap<>();
        for (String path : lengths.keySet()) {
            ids.put(path, repo.repository().resolve("HEAD:" + path));
        }
        ids.put("large.bin", repo.repository().resolve("HEAD:large.bin"));
        ids.put("large-edited.bin", repo.repository().resolve("HEAD:large-edited.bin"));
        return ids;
    }

    private static void assertSameSizesAsJGit(TestRepository repo, Map<String, ObjectId> blobs,
            Set<String> storagesExpected) throws IOException {
        Repository repository = repo.repository();
        Map<String, String> storage = new LinkedHashMap<>();
        List<AnyObjectId> askedJGit = new ArrayList<>();
        try (ObjectReader reader = repository.newObjectReader();
                PackedSizes sizes = new PackedSizes(repository, id -> {
                    askedJGit.add(id.copy());
                    return reader.getObjectSize(id, Constants.OBJ_BLOB);
                })) {
            for (Map.Entry<String, ObjectId> blob : blobs.entrySet()) {
                storage.put(blob.getKey(), repo.storage(blob.getKey()));
                assertThat(sizes.size(blob.getValue())).as(blob.getKey() + " stored " + storage.get(blob.getKey()))
                        .isEqualTo(reader.getObjectSize(blob.getValue(), Constants.OBJ_BLOB));
            }
        }
        assertThat(askedJGit).as("every blob is packed, so JGit is never asked").isEmpty();
        assertThat(Set.copyOf(storage.values())).as("the fixture holds the storages it claims: " + storage)
                .containsAll(storagesExpected);
    }

    /** One pack of every object in HEAD whose deltas name their base by id (pack type 7), as git's wire packs may. */
    private static void writePackWithReferenceDeltas(Repository repository) throws IOException {
        PackConfig config = new PackConfig(repository);
        config.setDeltaBaseAsOffset(false);
        config.setDeltaCompress(true);
        ObjectDirectory objects = (ObjectDirectory) repository.getObjectDatabase();
        File packDir = objects.getPackDirectory();
        Files.createDirectories(packDir.toPath());
        try (PackWriter writer = new PackWriter(config, repository.newObjectReader())) {
            writer.setDeltaBaseAsOffset(false);
            writer.preparePack(NullProgressMonitor.INSTANCE, Set.of(repository.resolve(Constants.HEAD)), Set.of());
            Path pack = packDir.toPath().resolve("tmp.pack");
            try (OutputStream out = Files.newOutputStream(pack)) {
                writer.writePack(NullProgressMonitor.INSTANCE, NullProgressMonitor.INSTANCE, out);
            }
            String name = "pack-" + writer.computeName().name();
            try (OutputStream out = Files.newOutputStream(packDir.toPath().resolve(name + ".idx"))) {
                writer.writeIndex(out);
            }
            Files.move(pack, packDir.toPath().resolve(name + ".pack"));
        }
    }
}
