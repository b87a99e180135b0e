#!/usr/bin/env python3
"""Renders every kustomization under deploy/k8s and checks the invariants that
break a deployment silently:

  - probe ports are the ports parleyd serves health on (--listen, or
    --health-listen when set), and grpc probes ask for a service parleyd reports;
  - the data volume is mounted where --data-dir points, and --checkpoint-dir
    and --restore-from lie on it (the root filesystem is read-only);
  - workload selectors, Service selectors, the disruption budget, the
    NetworkPolicy and the ServiceMonitor select the pods (and the Service) they mean;
  - every ConfigMap or Secret key the pods reference exists in the overlay or is
    listed as operator-provided in deploy/k8s/README.md;
  - every image is the one scripts/build-image.sh builds;
  - KafkaTopic names equal the topics parleyd is configured with;
  - terminationGracePeriodSeconds exceeds --shutdown-grace;
  - every parleyd metric an alert uses is one parleyd exports.

Usage: check_manifests.py SOURCE_DIR "RENDER COMMAND"   (e.g. "kubectl kustomize")
"""
import re
import shlex
import subprocess
import sys
from pathlib import Path

import yaml

OVERLAYS = ["deploy/k8s", "deploy/k8s/overlays/dev", "deploy/k8s/overlays/prod",
            "deploy/k8s/overlays/sasl", "deploy/k8s/overlays/tls"]
# parleyd's defaults for the flags checked here (services/parleyd_main.cc).
DEFAULTS = {"listen": "127.0.0.1:50051", "shutdown_grace": "20s", "health_listen": "",
            "metrics_listen": "", "data_dir": "", "topic": "articles", "dlq_topic": "",
            "checkpoint_dir": "", "restore_from": ""}
PROBE_SERVICES = {"", "parley.v1.Parley", "parley.v1.Ingest", "readiness", "liveness"}

failures = []


def fail(overlay, message):
    failures.append(f"{overlay}: {message}")


def render(source, command, overlay):
    result = subprocess.run(shlex.split(command) + [str(source / overlay)],
                            capture_output=True, text=True, check=False)
    if result.returncode != 0:
        fail(overlay, f"render failed: {result.stderr.strip()}")
        return []
    return [doc for doc in yaml.safe_load_all(result.stdout) if doc]


def expected_image(source):
    script = (source / "scripts/build-image.sh").read_text()
    name = re.search(r'^image_name="([^"]+)"', script, re.M).group(1)
    version = re.search(r"^project\(parley VERSION ([0-9.]+)",
                        (source / "CMakeLists.txt").read_text(), re.M).group(1)
    return f"{name}:{version}"


def operator_provided(source):
    """(kind, name, key) rows of the README's operator-provided table."""
    rows = set()
    for line in (source / "deploy/k8s/README.md").read_text().splitlines():
        match = re.match(r"\|\s*(Secret|ConfigMap)\s*\|\s*`([^`]+)`\s*\|\s*`([^`]+)`", line)
        if match:
            rows.add(match.groups())
    return rows


def exported_metrics(source):
    text = (source / "services/metrics.cc").read_text()
    names = set(re.findall(r'"(parley_[a-z_]+)"', text))
    # Histograms and counters as the exposition names them.
    for name in list(names):
        names |= {name + suffix for suffix in ("_bucket", "_sum", "_count")}
    return names


def flag_settings(container, config_maps):
    """parleyd's settings from args (--flag=value / --flag value) and PARLEY_* env."""
    settings = dict(DEFAULTS)
    for item in container.get("env", []):
        name = item["name"]
        if not name.startswith("PARLEY_"):
            continue
        flag = name[len("PARLEY_"):].lower()
        if "value" in item:
            settings[flag] = item["value"]
        elif "configMapKeyRef" in item.get("valueFrom", {}):
            ref = item["valueFrom"]["configMapKeyRef"]
            settings[flag] = config_maps.get(ref["name"], {}).get(ref["key"])
        else:
            settings[flag] = "<from the pod>"
    args = container.get("args", [])
    i = 0
    while i < len(args):
        arg = args[i]
        if arg.startswith("--"):
            name, _, value = arg[2:].partition("=")
            if not _ and i + 1 < len(args) and not args[i + 1].startswith("--"):
                value = args[i + 1]
                i += 1
            settings[name.replace("-", "_")] = value
        i += 1
    return settings


def port_of(address):
    return int(address.rsplit(":", 1)[1]) if address else None


def seconds(duration):
    match = re.fullmatch(r"(\d+)s", duration)
    return int(match.group(1)) if match else None


def matches(selector, labels):
    return all(labels.get(key) == value for key, value in selector.items())


def check_workload(overlay, statefulset, objects, config_maps, image, provided):
    template = statefulset["spec"]["template"]
    pod_labels = template["metadata"].get("labels", {})
    if not matches(statefulset["spec"]["selector"]["matchLabels"], pod_labels):
        fail(overlay, "StatefulSet selector does not match its pod template labels")
    spec = template["spec"]
    container = next(c for c in spec["containers"] if c["name"] == "parleyd")
    settings = flag_settings(container, config_maps)

    for c in spec["containers"] + spec.get("initContainers", []):
        if c["image"] != image:
            fail(overlay, f"container {c['name']} image {c['image']} is not {image}")

    container_ports = {p["containerPort"]: p.get("name") for p in container.get("ports", [])}
    named_ports = {p.get("name"): p["containerPort"] for p in container.get("ports", [])}
    health_port = port_of(settings["health_listen"]) or port_of(settings["listen"])
    for probe_name in ("startupProbe", "readinessProbe", "livenessProbe"):
        probe = container.get(probe_name)
        if probe is None:
            fail(overlay, f"no {probe_name}")
            continue
        if "grpc" not in probe:
            fail(overlay, f"{probe_name} is not a native grpc probe")
            continue
        if probe["grpc"]["port"] != health_port:
            fail(overlay, f"{probe_name} port {probe['grpc']['port']} is not parleyd's health "
                          f"port {health_port} (--listen/--health-listen)")
        if probe["grpc"].get("service", "") not in PROBE_SERVICES:
            fail(overlay, f"{probe_name} asks for unknown health service {probe['grpc']['service']}")
    for flag in ("listen", "health_listen", "metrics_listen"):
        port = port_of(settings[flag])
        if port and port not in container_ports:
            fail(overlay, f"--{flag} port {port} is not a container port")

    data_dir = settings["data_dir"]
    claim_names = {t["metadata"]["name"] for t in statefulset["spec"].get("volumeClaimTemplates", [])}
    mounts = {m["mountPath"]: m["name"] for m in container.get("volumeMounts", [])}
    if mounts.get(data_dir) not in claim_names:
        fail(overlay, f"--data-dir {data_dir!r} is not the mount path of a volume claim "
                      f"(mounts: {mounts})")
    for flag in ("checkpoint_dir", "restore_from"):
        path = settings[flag]
        if path and not path.startswith(data_dir.rstrip("/") + "/"):
            fail(overlay, f"--{flag.replace('_', '-')} {path!r} is not on the data volume "
                          f"({data_dir})")

    grace = spec.get("terminationGracePeriodSeconds", 30)
    if seconds(settings["shutdown_grace"]) is None or grace <= seconds(settings["shutdown_grace"]):
        fail(overlay, f"terminationGracePeriodSeconds {grace} is not above --shutdown-grace "
                      f"{settings['shutdown_grace']}")

    check_references(overlay, spec, container, objects, provided)
    return pod_labels, named_ports, settings


def check_references(overlay, spec, container, objects, provided):
    present = {(o["kind"], o["metadata"]["name"], key)
               for o in objects if o["kind"] in ("ConfigMap", "Secret")
               for key in list(o.get("data", {})) + list(o.get("stringData", {}))}

    def need(kind, name, key):
        if (kind, name, key) not in present and (kind, name, key) not in provided:
            fail(overlay, f"{kind} {name} key {key} is neither in the overlay nor listed as "
                          "operator-provided in deploy/k8s/README.md")

    for item in container.get("env", []):
        source = item.get("valueFrom", {})
        if "configMapKeyRef" in source:
            need("ConfigMap", source["configMapKeyRef"]["name"], source["configMapKeyRef"]["key"])
        if "secretKeyRef" in source:
            need("Secret", source["secretKeyRef"]["name"], source["secretKeyRef"]["key"])
    volumes = {v["name"]: v for v in spec.get("volumes", [])}
    mounts = {m["name"]: m["mountPath"] for m in container.get("volumeMounts", [])}
    args = " ".join(container.get("args", []))
    for name, volume in volumes.items():
        for kind, field, name_field in (("Secret", "secret", "secretName"),
                                        ("ConfigMap", "configMap", "name")):
            if field not in volume:
                continue
            source_name = volume[field][name_field]
            keys = [item["key"] for item in volume[field].get("items", [])]
            # Without items every key is a file: the files parleyd is pointed at.
            if not keys and name in mounts:
                keys = re.findall(re.escape(mounts[name].rstrip("/")) + r"/([\w.-]+)", args)
            for key in keys:
                need(kind, source_name, key)


def check_services(overlay, objects, pod_labels, named_ports, statefulset):
    services = {o["metadata"]["name"]: o for o in objects if o["kind"] == "Service"}
    if statefulset["spec"]["serviceName"] not in services:
        fail(overlay, f"serviceName {statefulset['spec']['serviceName']} is not a Service")
    for name, service in services.items():
        if not matches(service["spec"].get("selector", {}), pod_labels):
            fail(overlay, f"Service {name} selector does not match the pods")
        for port in service["spec"]["ports"]:
            target = port.get("targetPort", port["port"])
            if isinstance(target, str) and target not in named_ports:
                fail(overlay, f"Service {name} targets unknown port name {target}")
            if isinstance(target, int) and target not in named_ports.values():
                fail(overlay, f"Service {name} targets port {target}, not a container port")
    for o in objects:
        kind = o["kind"]
        if kind == "PodDisruptionBudget" and not matches(o["spec"]["selector"]["matchLabels"], pod_labels):
            fail(overlay, "PodDisruptionBudget does not select the pods")
        if kind == "NetworkPolicy":
            if not matches(o["spec"]["podSelector"]["matchLabels"], pod_labels):
                fail(overlay, "NetworkPolicy does not select the pods")
            for rule in o["spec"].get("ingress", []):
                for port in rule.get("ports", []):
                    if isinstance(port["port"], str) and port["port"] not in named_ports:
                        fail(overlay, f"NetworkPolicy admits unknown port name {port['port']}")
        if kind == "ServiceMonitor":
            selected = [s for s in services.values()
                        if matches(o["spec"]["selector"]["matchLabels"], s["metadata"].get("labels", {}))]
            if len(selected) != 1:
                fail(overlay, f"ServiceMonitor selects {len(selected)} Services, not one")
                continue
            port_names = {p.get("name") for p in selected[0]["spec"]["ports"]}
            for endpoint in o["spec"]["endpoints"]:
                if endpoint["port"] not in port_names:
                    fail(overlay, f"ServiceMonitor endpoint port {endpoint['port']} is not a port "
                                  f"of Service {selected[0]['metadata']['name']}")


def check_topics(overlay, objects, settings):
    topics = {o["spec"].get("topicName", o["metadata"]["name"]): o
              for o in objects if o["kind"] == "KafkaTopic"}
    if not topics:
        return
    wanted = settings["topic"]
    dlq = settings["dlq_topic"] or f"{wanted}.dlq"
    for name in (wanted, dlq):
        if name not in topics:
            fail(overlay, f"no KafkaTopic for {name} (topics: {sorted(topics)})")
    if wanted in topics and topics[wanted]["spec"].get("config", {}).get("cleanup.policy") != "compact":
        fail(overlay, f"the article topic {wanted} is not compacted")


def check_rules(overlay, objects, metrics):
    for o in objects:
        if o["kind"] != "PrometheusRule":
            continue
        for group in o["spec"]["groups"]:
            for rule in group["rules"]:
                for name in re.findall(r"\b(parley_[a-z0-9_]+)", rule["expr"]):
                    if name not in metrics:
                        fail(overlay, f"alert {rule['alert']} uses {name}, which parleyd "
                                      "does not export")


def main():
    source = Path(sys.argv[1]).resolve()
    command = sys.argv[2]
    image = expected_image(source)
    provided = operator_provided(source)
    metrics = exported_metrics(source)
    for overlay in OVERLAYS:
        objects = render(source, command, overlay)
        if not objects:
            continue
        config_maps = {o["metadata"]["name"]: o.get("data", {})
                       for o in objects if o["kind"] == "ConfigMap"}
        statefulsets = [o for o in objects if o["kind"] == "StatefulSet"]
        if len(statefulsets) != 1:
            fail(overlay, f"{len(statefulsets)} StatefulSets, expected 1")
            continue
        pod_labels, named_ports, settings = check_workload(
            overlay, statefulsets[0], objects, config_maps, image, provided)
        check_services(overlay, objects, pod_labels, named_ports, statefulsets[0])
        check_topics(overlay, objects, settings)
        check_rules(overlay, objects, metrics)
        print(f"{overlay}: {len(objects)} objects checked")
    for failure in failures:
        print("FAIL " + failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
