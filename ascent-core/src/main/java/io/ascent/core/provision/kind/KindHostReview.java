package io.ascent.core.provision.kind;

import io.ascent.core.provision.ProvisionRule;
import io.ascent.core.report.ErrorKind;
import io.ascent.core.report.Item;
import io.ascent.core.report.Location;
import io.ascent.core.report.Severity;
import io.ascent.core.report.Status;
import io.ascent.core.yaml.YamlDocument;
import java.util.ArrayList;
import java.util.List;

/**
 * What the host policy ({@link HostMounts}, {@link HostPorts}) found in one kind configuration: refusals (exit 2)
 * and warnings as items at the configuration's file:line:col, and the changes Ascent made to it, which the dry-run
 * plan lists.
 */
final class KindHostReview {

    private final YamlDocument document;
    private final List<Item> items = new ArrayList<>();
    private final List<String> rewrites = new ArrayList<>();

    KindHostReview(YamlDocument document) {
        this.document = document;
    }

    /** Refuses the configuration: the field at {@code at} would reach the build agent. */
    void refuse(List<String> at, String message, String fix) {
        items.add(ProvisionRule.KIND_HOST.item().error(ErrorKind.INPUT, field(at) + " " + message)
                .location(location(at)).remediation(fix).build());
    }

    /** Warns: the field is allowed but costs something on a shared agent. */
    void warn(List<String> at, String message, String fix) {
        // A warning's own severity: SARIF and the other formats read a WARN of the rule's ERROR severity as an error.
        items.add(ProvisionRule.KIND_HOST.item().severity(Severity.WARNING).problem(field(at) + " " + message)
                .location(location(at)).remediation(fix).build());
    }

    /** Records a change Ascent made to the configuration it writes. */
    void rewrote(List<String> at, String what) {
        rewrites.add(location(at) + ": " + field(at) + ": " + what);
    }

    List<Item> items() {
        return List.copyOf(items);
    }

    List<String> rewrites() {
        return List.copyOf(rewrites);
    }

    boolean refused() {
        return items.stream().anyMatch(item -> item.status() == Status.ERROR);
    }

    private Location location(List<String> at) {
        return document.locationOf(document.nodeAt(at));
    }

    /** {@code nodes[0].extraMounts[1].hostPath}: the field as kind's documentation names it. */
    static String field(List<String> at) {
        StringBuilder name = new StringBuilder();
        for (String token : at) {
            if (token.chars().allMatch(Character::isDigit)) {
                name.append('[').append(token).append(']');
            } else {
                name.append(name.isEmpty() ? "" : ".").append(token);
            }
        }
        return name.toString();
    }
}
