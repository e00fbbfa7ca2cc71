package io.ascent.core.provision.kube;

/** The HTTP methods the provisioner uses. */
enum Http {
    GET, POST, PATCH, DELETE
}
