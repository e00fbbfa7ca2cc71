package io.ascent.core.manifest.listtype;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * List uniqueness against what apiextensions-apiserver's {@code listtype.ValidateListSetsAndMaps} answers for the
 * same input (the expected texts were produced by it, k8s.io/apiextensions-apiserver v0.37.0).
 */
class ListTypeValidatorTest {

    private static ListTypeSchema schema(String listType, String... keys) {
        JSONObject list = new JSONObject().put("type", "array").put("items", new JSONObject())
                .put("x-kubernetes-list-type", listType);
        if (keys.length > 0) {
            list.put("x-kubernetes-list-map-keys", List.of(keys));
        }
        return ListTypeSchema.read(new JSONObject().put("type", "object")
                .put("properties", new JSONObject().put("l", list)));
    }

    private static List<String> errors(ListTypeSchema schema, String object) {
        return ListTypeValidator.validate(new JSONObject(object), schema).stream()
                .map(violation -> violation.path() + ": " + violation.message()).toList();
    }

    static Stream<Arguments> sets() {
        return Stream.of(
                Arguments.of("{\"l\":[\"a\",\"b\",\"a\",\"a\",\"b\"]}",
                        List.of("l[2]: Duplicate value: \"a\"", "l[4]: Duplicate value: \"b\"")),
                Arguments.of("{\"l\":[1,2,1]}", List.of("l[2]: Duplicate value: 1")),
                Arguments.of("{\"l\":[1,1.0]}", List.of()),
                Arguments.of("{\"l\":[1.5,1.5]}", List.of("l[1]: Duplicate value: 1.5")),
                Arguments.of("{\"l\":[1e21,1e21]}", List.of("l[1]: Duplicate value: 1e+21")),
                Arguments.of("{\"l\":[0.00001,0.00001]}", List.of("l[1]: Duplicate value: 1e-05")),
                // %v switches to an exponent from 1e6 (shortest %g), JSON from 1e21; a space is not escaped
                Arguments.of("{\"l\":[1e6,1e6]}", List.of("l[1]: Duplicate value: 1e+06")),
                Arguments.of("{\"l\":[1000000.5,1000000.5]}", List.of("l[1]: Duplicate value: 1.0000005e+06")),
                Arguments.of("{\"l\":[123456789.5,123456789.5]}",
                        List.of("l[1]: Duplicate value: 1.234567895e+08")),
                Arguments.of("{\"l\":[100000.5,100000.5]}", List.of("l[1]: Duplicate value: 100000.5")),
                Arguments.of("{\"l\":[1e20,1e20]}", List.of("l[1]: Duplicate value: 1e+20")),
                Arguments.of("{\"l\":[0.0001,0.0001]}", List.of("l[1]: Duplicate value: 0.0001")),
                Arguments.of("{\"l\":[-2.5e7,-2.5e7]}", List.of("l[1]: Duplicate value: -2.5e+07")),
                Arguments.of("{\"l\":[{\"a\":1e-7,\"b\":1e20,\"c\":\"a b<\"},"
                        + "{\"a\":1e-7,\"b\":1e20,\"c\":\"a b<\"}]}", List.of("l[1]: Duplicate value:"
                        + " {\"a\":1e-7,\"b\":100000000000000000000,\"c\":\"a b\\u003c\"}")),
                Arguments.of("{\"l\":[{\"a\":1e-6},{\"a\":1e-6}]}",
                        List.of("l[1]: Duplicate value: {\"a\":0.000001}")),
                Arguments.of("{\"l\":[true,true]}", List.of("l[1]: Duplicate value: true")),
                Arguments.of("{\"l\":[true,false]}", List.of()),
                Arguments.of("{\"l\":[1.5,2.5]}", List.of()),
                Arguments.of("{\"l\":[null,null]}", List.of("l[1]: Duplicate value: null")),
                Arguments.of("{\"l\":[{\"a\":1,\"b\":\"<x>\"},{\"b\":\"<x>\",\"a\":1.0}]}",
                        List.of("l[1]: Duplicate value: {\"a\":1,\"b\":\"\\u003cx\\u003e\"}")),
                Arguments.of("{\"l\":[[1,2],[1,2]]}", List.of("l[1]: Duplicate value: [1,2]")),
                Arguments.of("{\"l\":[\"a\\\"b\",\"a\\\"b\"]}", List.of("l[1]: Duplicate value: \"a\\\"b\"")),
                Arguments.of("{\"l\":[\"a\",\"b\"]}", List.of()));
    }

    @ParameterizedTest
    @MethodSource("sets")
    void shouldReportTheSecondOccurrenceOfEachSetItem(String object, List<String> expected) {
        assertThat(errors(schema("set"), object)).isEqualTo(expected);
    }

    @Test
    void shouldCompareOneMapKeyTellingAMissingKeyFromANullOne() {
        assertThat(errors(schema("map", "name"),
                "{\"l\":[{\"name\":\"a\",\"v\":1},{\"name\":\"a\",\"v\":2},{\"v\":3},{\"v\":4}]}"))
                .containsExactly("l[1]: Duplicate value: {\"name\":\"a\"}", "l[3]: Duplicate value: {}");
        assertThat(errors(schema("map", "name"), "{\"l\":[{\"name\":null},{\"name\":null}]}"))
                .containsExactly("l[1]: Duplicate value: {\"name\":null}");
        assertThat(errors(schema("map", "name"), "{\"l\":[{\"name\":null},{}]}")).isEmpty();
        assertThat(errors(schema("map", "port"), "{\"l\":[{\"port\":80},{\"port\":80}]}"))
                .containsExactly("l[1]: Duplicate value: {\"port\":80}");
    }

    @Test
    void shouldCompareSeveralMapKeysAsOneTuple() {
        assertThat(errors(schema("map", "name", "protocol"), "{\"l\":[{\"name\":\"a\",\"protocol\":\"TCP\"},"
                + "{\"name\":\"a\",\"protocol\":\"UDP\"},{\"protocol\":\"TCP\",\"name\":\"a\"},{},{}]}"))
                .containsExactly("l[2]: Duplicate value: {\"name\":\"a\",\"protocol\":\"TCP\"}",
                        "l[4]: Duplicate value: {}");
    }

    @Test
    void shouldRefuseAScalarInAMapList() {
        assertThat(errors(schema("map", "name"), "{\"l\":[\"x\",{\"name\":\"a\"}]}"))
                .containsExactly("l[0]: Invalid value: \"x\": must be an object for an array of list-type map");
    }

    @Test
    void shouldLeaveAtomicListsAloneAndWalkNestedListsAndMapValues() {
        ListTypeSchema schema = ListTypeSchema.read(new JSONObject("""
                {"type": "object", "properties": {
                  "atomic": {"type": "array", "items": {"type": "string"}},
                  "groups": {"type": "array", "items": {"type": "object", "properties": {
                    "hosts": {"type": "array", "x-kubernetes-list-type": "set", "items": {"type": "string"}}}}},
                  "byZone": {"type": "object", "additionalProperties": {
                    "type": "array", "x-kubernetes-list-type": "set", "items": {"type": "integer"}}}}}
                """));
        List<ListTypeValidator.Violation> violations = ListTypeValidator.validate(new JSONObject("""
                {"atomic": ["a", "a"], "groups": [{"hosts": ["x"]}, {"hosts": ["y", "y"]}],
                 "byZone": {"eu-1": [3, 3]}}
                """), schema);
        assertThat(violations).extracting(ListTypeValidator.Violation::path, ListTypeValidator.Violation::tokens)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("groups[1].hosts[1]", List.of("groups", "1", "hosts", "1")),
                        org.assertj.core.groups.Tuple.tuple("byZone[eu-1][1]", List.of("byZone", "eu-1", "1")));
        assertThat(ListTypeSchema.read(new JSONObject("{\"type\": \"array\", \"items\": {\"type\": \"string\"}}")))
                .as("a schema without set or map lists").isNull();
    }
}
