package io.ascent.core.repo;

import static io.ascent.core.repo.RepositoryRun.checklist;
import static io.ascent.core.repo.RepositoryRun.items;
import static io.ascent.core.repo.RepositoryRun.validate;
import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.report.Item;
import io.ascent.core.report.Status;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Symbolic links, CODEOWNERS and LICENSE. */
class FileRulesTest {
    static final String MIT = """
            MIT License

            Copyright (c) 2026 Example

            Permission is hereby granted, free of charge, to any person obtaining a copy
            of this software and associated documentation files (the "Software"), to deal
            in the Software without restriction...

            THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
            IMPLIED.
            """;

    @TempDir
    Path dir;

    @Test
    void shouldPassSymbolicLinksThatStayInsideTheRepository() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.file("ascent.yaml", checklist("")).file("config/base.yaml", "a: 1\n")
                    .symlink("deploy/base.yaml", "../config/base.yaml").commit("init");
            assertThat(items(validate(dir), RepositoryRule.SYMLINKS)).singleElement().satisfies(item -> {
                assertThat(item.status()).isEqualTo(Status.PASS);
                assertThat(item.message()).startsWith("1 symbolic link");
            });
        }
    }

    @Test
    void shouldFailSymbolicLinksWithAbsoluteTargetsOrTargetsLeavingTheRepository() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.file("ascent.yaml", checklist("")).symlink("etc/passwd", "/etc/passwd")
                    .symlink("deploy/escape", "../../outside/secret").symlink("deploy/ok", "../ascent.yaml")
                    .commit("init");
            List<Item> links = items(validate(dir), RepositoryRule.SYMLINKS);
            assertThat(links).extracting(item -> item.location().path())
                    .containsExactly("deploy/escape", "etc/passwd");
            assertThat(links).allSatisfy(item -> assertThat(item.status()).isEqualTo(Status.FAIL));
            assertThat(links.get(0).message()).contains("leaves the repository");
            assertThat(links.get(1).message()).contains("absolute path");
        }
    }

    @Test
    void shouldFailEverySymbolicLinkWhenLinksAreForbidden() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.file("ascent.yaml", checklist("""
                    repository:
                      symlinks: forbid
                    """)).file("a.txt", "a").symlink("b.txt", "a.txt").commit("init");
            assertThat(items(validate(dir), RepositoryRule.SYMLINKS)).singleElement().satisfies(item -> {
                assertThat(item.status()).isEqualTo(Status.FAIL);
                assertThat(item.location().path()).isEqualTo("b.txt");
            });
        }
    }

    @Test
    void shouldNotCheckSymbolicLinksWhenAllowed() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.file("ascent.yaml", checklist("""
                    repository:
                      symlinks: allow
                    """)).symlink("b", "/etc/hosts").commit("init");
            assertThat(items(validate(dir), RepositoryRule.SYMLINKS)).isEmpty();
        }
    }

    @Test
    void shouldJudgeLinkTargetsRelativeToTheLinkFolder() {
        assertThat(SymlinkRule.escape("a/b/link", "../../c")).isEmpty();
        assertThat(SymlinkRule.escape("a/b/link", "../../../c")).isPresent();
        assertThat(SymlinkRule.escape("link", "./x/../../y")).isPresent();
        assertThat(SymlinkRule.escape("link", "C:\\Windows")).isPresent();
    }

    @Test
    void shouldFollowATargetDownBeforeItComesBackUp() {
        // A link that descends and climbs back stays inside: each folder it enters is one a '..' may leave.
        assertThat(SymlinkRule.escape("link", "sub/../file")).isEmpty();
        assertThat(SymlinkRule.escape("a/b/link", "x/y/../../../../c")).isEmpty();
        assertThat(SymlinkRule.escape("a/b/link", "x/y/../../../../../c")).isPresent();
    }

    @Test
    void shouldPassAWellFormedCodeowners() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.file("ascent.yaml", checklist("""
                    repository:
                      codeowners: true
                    """)).file(".github/CODEOWNERS", """
                    # Owners
                    *            @acme/web-team
                    /deploy/     @acme/platform ops@example.com  # inline comment
                    docs/My\\ File.md @alice

                    [Database][2] @acme/dba
                    db/          @bob
                    """).commit("init");
            assertThat(items(validate(dir), RepositoryRule.CODEOWNERS)).singleElement().satisfies(item -> {
                assertThat(item.status()).isEqualTo(Status.PASS);
                assertThat(item.message()).contains(".github/CODEOWNERS", "4 well-formed");
            });
        }
    }

    @Test
    void shouldFailEachMalformedCodeownersLineAtItsLine() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.file("ascent.yaml", checklist("""
                    repository:
                      codeowners: true
                    """)).file("CODEOWNERS", """
                    * @acme/web
                    /deploy/ acme-platform
                    !/docs/ @alice
                    [Broken section
                    """).commit("init");
            List<Item> owners = items(validate(dir), RepositoryRule.CODEOWNERS);
            assertThat(owners).extracting(item -> item.location().toString())
                    .containsExactly("CODEOWNERS:2:1", "CODEOWNERS:3:1", "CODEOWNERS:4:1");
            assertThat(owners.get(0).message()).contains("'acme-platform' is not an owner");
            assertThat(owners.get(1).message()).contains("negated pattern");
        }
    }

    @Test
    void shouldFailWhenCodeownersIsMissing() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.file("ascent.yaml", checklist("""
                    repository:
                      codeowners: true
                    """)).file("OWNERS", "* @a\n").commit("init");
            assertThat(items(validate(dir), RepositoryRule.CODEOWNERS)).singleElement()
                    .extracting(Item::status).isEqualTo(Status.FAIL);
        }
    }

    @Test
    void shouldRecogniseTheLicenseAndReportItsSpdxId() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.file("ascent.yaml", checklist("""
                    repository:
                      license: true
                    """)).file("LICENSE.md", MIT).commit("init");
            assertThat(items(validate(dir), RepositoryRule.LICENSE)).singleElement().satisfies(item -> {
                assertThat(item.status()).isEqualTo(Status.PASS);
                assertThat(item.message()).contains("'LICENSE.md' is MIT");
            });
        }
    }

    @Test
    void shouldFailWhenTheLicenseIsNotRecognised() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.file("ascent.yaml", checklist("""
                    repository:
                      license: true
                    """)).file("LICENSE", "All rights reserved. Ask us.\n").commit("init");
            assertThat(items(validate(dir), RepositoryRule.LICENSE)).singleElement().satisfies(item -> {
                assertThat(item.status()).isEqualTo(Status.FAIL);
                assertThat(item.location().path()).isEqualTo("LICENSE");
            });
        }
    }

    @Test
    void shouldFailWhenTheLicenseIsMissing() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.file("ascent.yaml", checklist("""
                    repository:
                      license: true
                    """)).commit("init");
            assertThat(items(validate(dir), RepositoryRule.LICENSE)).singleElement()
                    .extracting(Item::status).isEqualTo(Status.FAIL);
        }
    }

    @Test
    void shouldTellCommonLicencesApart() {
        assertThat(LicenseIdentifier.identify(MIT)).contains("MIT");
        assertThat(LicenseIdentifier.identify("""
                                 Apache License
                           Version 2.0, January 2004
                        http://www.apache.org/licenses/
                """)).contains("Apache-2.0");
        String gpl3 = """
                                    GNU GENERAL PUBLIC LICENSE
                                       Version 3, 29 June 2007
                ... consider it more useful to permit linking proprietary applications with the library.
                If this is what you want to do, use the GNU Lesser General Public License instead of this License.
                """;
        assertThat(LicenseIdentifier.identify(gpl3)).contains("GPL-3.0");
        assertThat(LicenseIdentifier.identify("""
                Redistribution and use in source and binary forms, with or without modification, are permitted
                1. Redistributions of source code must retain the above copyright notice
                2. Redistributions in binary form must reproduce the above copyright notice
                """)).contains("BSD-2-Clause");
        assertThat(LicenseIdentifier.identify("""
                Redistribution and use in source and binary forms, with or without modification, are permitted
                2. Redistributions in binary form must reproduce the above copyright notice
                3. Neither the name of the copyright holder nor the names of its contributors may be used
                """)).contains("BSD-3-Clause");
        assertThat(LicenseIdentifier.identify("// SPDX-License-Identifier: MPL-2.0\n")).contains("MPL-2.0");
        assertThat(LicenseIdentifier.identify("Proprietary. Do not copy.")).isEmpty();
    }
}
