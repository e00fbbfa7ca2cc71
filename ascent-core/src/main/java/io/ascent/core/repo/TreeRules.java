package io.ascent.core.repo;

import java.util.List;

/** The rules run over the committed tree, in report order. New rules register here and nowhere else. */
final class TreeRules {

    private TreeRules() {
    }

    static List<TreeRule> builtIn() {
        return List.of(
                new RequiredPathsRule(),
                new ForbiddenPathsRule(),
                new MaxFileSizeRule(),
                new SymlinkRule(),
                new SubmoduleRule(),
                new ExecutableRule(),
                new CodeownersRule(),
                new LicenseRule(),
                new SecretsRule(),
                new CustomItemRule());
    }
}
