package io.ascent.core.repo;

import io.ascent.core.checklist.Checklist;
import io.ascent.core.report.Item;
import java.io.IOException;
import java.util.List;

/**
 * One rule over the committed tree. A rule the checklist does not configure returns nothing; a configured rule
 * returns one PASS item when it finds nothing, else one item per finding.
 */
interface TreeRule {

    List<Item> check(RepositoryTree tree, Checklist checklist) throws IOException, InterruptedException;
}
