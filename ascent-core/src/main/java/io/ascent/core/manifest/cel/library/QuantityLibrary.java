package io.ascent.core.manifest.cel.library;

import static dev.cel.common.CelFunctionDecl.newFunctionDeclaration;
import static dev.cel.common.CelOverloadDecl.newGlobalOverload;
import static dev.cel.common.CelOverloadDecl.newMemberOverload;

import dev.cel.common.CelFunctionDecl;
import dev.cel.common.types.CelType;
import dev.cel.common.types.OpaqueType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelFunctionBinding;
import java.util.List;

/**
 * {@code kubernetes.quantity}: {@code quantity()}, {@code isQuantity()}, {@code sign()}, {@code isGreaterThan()},
 * {@code isLessThan()}, {@code compareTo()}, {@code asApproximateFloat()}, {@code asInteger()}, {@code isInteger()},
 * {@code add()} and {@code sub()}. The newer {@code mul()}, {@code div()} and {@code divInt()} are not declared, so
 * a rule using them is a SKIP naming them.
 */
final class QuantityLibrary implements KubernetesLibrary {
    static final CelType QUANTITY = OpaqueType.create("kubernetes.Quantity");

    @Override
    public String name() {
        return "kubernetes.quantity";
    }

    @Override
    public int introducedMinor() {
        return 28;
    }

    @Override
    public List<CelFunctionDecl> declarations() {
        return List.of(
                newFunctionDeclaration("quantity",
                        newGlobalOverload("string_to_quantity", QUANTITY, SimpleType.STRING)),
                newFunctionDeclaration("isQuantity",
                        newGlobalOverload("is_quantity_string", SimpleType.BOOL, SimpleType.STRING)),
                newFunctionDeclaration("sign", newGlobalOverload("quantity_sign", SimpleType.INT, QUANTITY)),
                newFunctionDeclaration("isGreaterThan",
                        newMemberOverload("quantity_is_greater_than", SimpleType.BOOL, QUANTITY, QUANTITY)),
                newFunctionDeclaration("isLessThan",
                        newMemberOverload("quantity_is_less_than", SimpleType.BOOL, QUANTITY, QUANTITY)),
                newFunctionDeclaration("compareTo",
                        newMemberOverload("quantity_compare_to", SimpleType.INT, QUANTITY, QUANTITY)),
                newFunctionDeclaration("asApproximateFloat",
                        newMemberOverload("quantity_get_float", SimpleType.DOUBLE, QUANTITY)),
                newFunctionDeclaration("asInteger", newMemberOverload("quantity_get_int", SimpleType.INT, QUANTITY)),
                newFunctionDeclaration("isInteger",
                        newMemberOverload("quantity_is_integer", SimpleType.BOOL, QUANTITY)),
                newFunctionDeclaration("add",
                        newMemberOverload("quantity_add", QUANTITY, QUANTITY, QUANTITY),
                        newMemberOverload("quantity_add_int", QUANTITY, QUANTITY, SimpleType.INT)),
                newFunctionDeclaration("sub",
                        newMemberOverload("quantity_sub", QUANTITY, QUANTITY, QUANTITY),
                        newMemberOverload("quantity_sub_int", QUANTITY, QUANTITY, SimpleType.INT)));
    }

    @Override
    public List<CelFunctionBinding> bindings() {
        Class<ResourceQuantity> q = ResourceQuantity.class;
        return List.of(
                CelFunctionBinding.from("string_to_quantity", String.class, QuantityLibrary::parse),
                CelFunctionBinding.from("is_quantity_string", String.class, QuantityLibrary::isQuantity),
                CelFunctionBinding.from("quantity_sign", q, quantity -> (long) quantity.sign()),
                CelFunctionBinding.from("quantity_is_greater_than", q, q, (a, b) -> a.compareTo(b) > 0),
                CelFunctionBinding.from("quantity_is_less_than", q, q, (a, b) -> a.compareTo(b) < 0),
                CelFunctionBinding.from("quantity_compare_to", q, q, (a, b) -> (long) Integer.signum(a.compareTo(b))),
                CelFunctionBinding.from("quantity_get_float", q, ResourceQuantity::asApproximateFloat),
                CelFunctionBinding.from("quantity_get_int", q, QuantityLibrary::asInteger),
                CelFunctionBinding.from("quantity_is_integer", q, ResourceQuantity::isInteger),
                CelFunctionBinding.from("quantity_add", q, q, (a, b) -> a.add(b)),
                CelFunctionBinding.from("quantity_add_int", q, Long.class,
                        (a, b) -> a.add(ResourceQuantity.of(b))),
                CelFunctionBinding.from("quantity_sub", q, q, (a, b) -> a.sub(b)),
                CelFunctionBinding.from("quantity_sub_int", q, Long.class,
                        (a, b) -> a.sub(ResourceQuantity.of(b))));
    }

    private static ResourceQuantity parse(String text) throws CelEvaluationException {
        try {
            return ResourceQuantity.parse(text);
        } catch (ResourceQuantity.ParseException e) {
            throw new CelEvaluationException(e.getMessage());
        }
    }

    private static boolean isQuantity(String text) {
        try {
            ResourceQuantity.parse(text);
            return true;
        } catch (ResourceQuantity.ParseException e) {
            return false;
        }
    }

    private static long asInteger(ResourceQuantity quantity) throws CelEvaluationException {
        Long value = quantity.asLong();
        if (value == null) {
            throw new CelEvaluationException("cannot convert value to integer");
        }
        return value;
    }
}
