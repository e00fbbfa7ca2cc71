#!/usr/bin/env bash
# Redraws docs/images/jenkins-build-page.png: the Jenkins build page's Ascent parts, rendered by PagePreview from
# the plugin's view models for one example, then photographed by headless Chromium (Debian: chromium-headless-shell).
# Usage: tools/jenkins-page-preview.sh [EXAMPLE_DIR]   (default examples/removed-apis)
set -euo pipefail
cd "$(dirname "$0")/.."
example=${1:-examples/removed-apis}
./mvnw -q -pl ascent-jenkins -am test-compile -Djazzer.skip
mkdir -p target
./mvnw -q -pl ascent-core dependency:build-classpath -Dmdep.outputFile="$PWD/target/preview-classpath.txt"
classpath=$(cat target/preview-classpath.txt)
java -cp "ascent-jenkins/target/test-classes:ascent-jenkins/target/classes:ascent-jenkins-shim/target/classes:ascent-core/target/classes:$classpath" \
  io.ascent.jenkins.model.PagePreview "$example" target/jenkins-build-page.html
chromium-headless-shell --no-sandbox --disable-gpu --hide-scrollbars --window-size=1000,1400 \
  --screenshot="$PWD/docs/images/jenkins-build-page.png" "file://$PWD/target/jenkins-build-page.html"
