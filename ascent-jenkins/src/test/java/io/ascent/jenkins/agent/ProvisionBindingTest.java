package io.ascent.jenkins.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockStatic;
import static org.mockito.Mockito.when;

import hudson.ExtensionList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.MockedStatic;

class ProvisionBindingTest {

    @SuppressWarnings("unchecked")
    private static ExtensionList<ProvisionBinding> registered(ProvisionBinding... bindings) {
        ExtensionList<ProvisionBinding> list = mock(ExtensionList.class);
        when(list.iterator()).thenReturn(List.of(bindings).iterator());
        return list;
    }

    @Test
    @SuppressWarnings("rawtypes")
    void shouldUseTheRegisteredBindingWithTheConfiguredKind() {
        ProvisionCall bound = mock(ProvisionCall.class);
        ProvisionBinding binding = mock(ProvisionBinding.class);
        when(binding.call("/opt/kind")).thenReturn(bound);
        ExtensionList<ProvisionBinding> list = registered(binding);
        try (MockedStatic<ExtensionList> extensions = mockStatic(ExtensionList.class)) {
            extensions.when(() -> ExtensionList.lookup(ProvisionBinding.class)).thenReturn(list);
            assertThat(ProvisionBinding.find("/opt/kind")).isSameAs(bound);
        }
    }

    @Test
    @SuppressWarnings("rawtypes")
    void shouldFallBackToTheCallThatSaysTheProvisionerIsMissing() {
        ExtensionList<ProvisionBinding> none = registered();
        try (MockedStatic<ExtensionList> extensions = mockStatic(ExtensionList.class)) {
            extensions.when(() -> ExtensionList.lookup(ProvisionBinding.class)).thenReturn(none);
            assertThat(ProvisionBinding.find("kind")).isInstanceOf(ProvisionCall.Unbound.class);
        }
    }
}
