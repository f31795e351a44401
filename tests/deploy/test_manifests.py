"""Static checks of deploy/: what can be verified without a Docker engine or a cluster.

Every YAML file parses; kustomization.yaml lists only files that exist; workloads have pinned
images, probes and resource limits; Services, Ingresses and env references point at things
that exist; Secrets hold placeholders only; docker-compose.yml has the intended services and
the proxy is sticky. `kubectl kustomize` and `docker compose config` run when installed.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
WORKLOADS = {"Deployment", "StatefulSet"}
PINNED = re.compile(r"^[\w./-]+:(?!latest$)[\w][\w.-]*$")


def load_docs(path: Path) -> list[dict[str, Any]]:
    return [d for d in yaml.safe_load_all(path.read_text(encoding="utf-8")) if d is not None]


def kustomization() -> dict[str, Any]:
    return yaml.safe_load((DEPLOY / "kustomization.yaml").read_text(encoding="utf-8"))


def manifests() -> list[dict[str, Any]]:
    return [doc for res in kustomization()["resources"] for doc in load_docs(DEPLOY / res)]


def of_kind(kind: str) -> list[dict[str, Any]]:
    return [d for d in manifests() if d["kind"] == kind]


def containers(workload: dict[str, Any]) -> list[dict[str, Any]]:
    return workload["spec"]["template"]["spec"]["containers"]


def compose() -> dict[str, Any]:
    return yaml.safe_load((DEPLOY / "docker-compose.yml").read_text(encoding="utf-8"))


def resolved_image(image: str) -> str:
    """The image after kustomize's `images:` rewrite."""
    for rule in kustomization().get("images", []):
        if image.split(":")[0] == rule["name"]:
            return f"{rule.get('newName', rule['name'])}:{rule['newTag']}"
    return image


YAML_FILES = sorted(p for p in DEPLOY.rglob("*") if p.suffix in {".yml", ".yaml"})


@pytest.mark.parametrize("path", YAML_FILES, ids=lambda p: str(p.relative_to(DEPLOY)))
def test_every_yaml_file_parses(path: Path):
    assert load_docs(path), f"{path} is empty"


def test_kustomization_lists_only_existing_files_and_every_manifest():
    k = kustomization()
    listed = [DEPLOY / r for r in k["resources"]]
    for gen in k.get("configMapGenerator", []):
        listed += [DEPLOY / f.split("=", 1)[-1] for f in gen.get("files", [])]
    missing = [str(p) for p in listed if not p.is_file()]
    assert not missing, f"kustomization.yaml lists missing files: {missing}"
    unlisted = {p.name for p in (DEPLOY / "k8s").glob("*.yaml")} - {Path(r).name
                                                                   for r in k["resources"]}
    assert not unlisted, f"manifests not in kustomization.yaml: {unlisted}"


def test_every_manifest_has_the_required_fields():
    for doc in manifests():
        assert doc.get("apiVersion") and doc.get("kind"), doc
        assert doc.get("metadata", {}).get("name"), doc
    kinds = {d["kind"] for d in manifests()}
    assert {"Deployment", "StatefulSet", "Service", "Ingress", "Secret"} <= kinds


def test_workloads_select_their_own_pods_and_pin_their_images():
    for w in [d for d in manifests() if d["kind"] in WORKLOADS]:
        selector = w["spec"]["selector"]["matchLabels"]
        labels = w["spec"]["template"]["metadata"]["labels"]
        assert selector.items() <= labels.items(), w["metadata"]["name"]
        for c in containers(w):
            assert PINNED.match(resolved_image(c["image"])), f"unpinned image {c['image']}"


def test_every_container_has_probes_and_resources():
    for w in [d for d in manifests() if d["kind"] in WORKLOADS]:
        for c in containers(w):
            name = f"{w['metadata']['name']}/{c['name']}"
            assert c.get("readinessProbe") and c.get("livenessProbe"), f"{name} lacks probes"
            res = c.get("resources", {})
            assert res.get("requests", {}).get("memory"), f"{name} has no memory request"
            assert res.get("limits", {}).get("memory"), f"{name} has no memory limit"


def mebibytes(quantity: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(Mi|Gi)", quantity).groups()
    return float(number) * (1024 if unit == "Gi" else 1)


def test_rasa_pods_are_sized_for_the_measured_memory():
    rasa = next(d for d in of_kind("Deployment") if d["metadata"]["name"] == "nurture-rasa")
    assert rasa["spec"]["replicas"] >= 2
    res = containers(rasa)[0]["resources"]
    request, limit = mebibytes(res["requests"]["memory"]), mebibytes(res["limits"]["memory"])
    assert 1200 <= request <= 1400 and limit >= request
    assert containers(rasa)[0].get("startupProbe"), "model loading needs a startup probe"


def test_services_select_pods_and_ports_that_exist():
    pods = [(w["spec"]["template"]["metadata"]["labels"], containers(w))
            for w in manifests() if w["kind"] in WORKLOADS]
    for svc in of_kind("Service"):
        selector = svc["spec"]["selector"]
        matched = [cs for labels, cs in pods if selector.items() <= labels.items()]
        assert matched, f"Service {svc['metadata']['name']} selects no pods"
        port_names = {p.get("name") for cs in matched for c in cs for p in c.get("ports", [])}
        for port in svc["spec"]["ports"]:
            target = port.get("targetPort", port["port"])
            assert isinstance(target, int) or target in port_names, (svc["metadata"], target)


def test_ingresses_terminate_tls_and_route_to_existing_services():
    services = {s["metadata"]["name"]: {p["name"] for p in s["spec"]["ports"]}
                for s in of_kind("Service")}
    for ing in of_kind("Ingress"):
        assert ing["spec"].get("tls"), f"Ingress {ing['metadata']['name']} has no TLS"
        for rule in ing["spec"]["rules"]:
            for path in rule["http"]["paths"]:
                backend = path["backend"]["service"]
                assert backend["name"] in services
                assert backend["port"]["name"] in services[backend["name"]]


def test_the_public_ingress_pins_socketio_sessions_with_a_cookie():
    public = next(i for i in of_kind("Ingress") if i["metadata"]["name"] == "nurture")
    notes = public["metadata"]["annotations"]
    assert notes["nginx.ingress.kubernetes.io/affinity"] == "cookie"
    assert notes["nginx.ingress.kubernetes.io/session-cookie-name"]
    paths = {p["path"]: p["backend"]["service"]["name"]
             for r in public["spec"]["rules"] for p in r["http"]["paths"]}
    assert paths["/socket.io"] == "nurture-rasa"
    assert "/model" not in paths and "/conversations" not in paths, "Rasa's API must stay inside"


def test_secrets_hold_placeholders_only():
    for secret in of_kind("Secret"):
        values = {**secret.get("stringData", {}), **secret.get("data", {})}
        assert values
        real = [k for k, v in values.items() if "REPLACE_ME" not in str(v)]
        assert not real, f"Secret {secret['metadata']['name']} has non-placeholder values: {real}"


def test_env_references_point_at_existing_keys():
    secrets = {s["metadata"]["name"]: set(s.get("stringData", {})) for s in of_kind("Secret")}
    maps = {g["name"]: {lit.split("=", 1)[0] for lit in g.get("literals", [])}
            for g in kustomization().get("configMapGenerator", [])}
    for w in [d for d in manifests() if d["kind"] in WORKLOADS]:
        for c in containers(w):
            for env in c.get("env", []):
                ref = env.get("valueFrom", {})
                if "secretKeyRef" in ref:
                    key = ref["secretKeyRef"]
                    assert key["key"] in secrets.get(key["name"], set()), (c["name"], key)
                if "configMapKeyRef" in ref:
                    key = ref["configMapKeyRef"]
                    assert key["key"] in maps.get(key["name"], set()), (c["name"], key)


def test_deployment_endpoints_use_the_same_stores_as_the_repository():
    repo = yaml.safe_load((ROOT / "endpoints.yml").read_text(encoding="utf-8")) or {}
    deployed = yaml.safe_load((DEPLOY / "config" / "endpoints.yml").read_text(encoding="utf-8"))
    for block in ("tracker_store", "lock_store", "event_broker"):
        assert deployed.get(block) == repo.get(block), f"{block} differs from endpoints.yml"
    assert deployed["action_endpoint"]["url"] == "http://nurture-actions:5055/webhook"


def test_compose_runs_every_process_behind_a_sticky_tls_proxy():
    services = compose()["services"]
    expected = {"nurture-rasa-1", "nurture-rasa-2", "nurture-actions", "nurture-web",
                "nurture-review", "postgres", "redis", "proxy"}
    assert expected <= set(services)
    published = {name for name, s in services.items() if s.get("ports")}
    assert published == {"proxy"}, "only the proxy may publish ports"
    assert any("443" in str(p) for p in services["proxy"]["ports"])
    caddyfile = (DEPLOY / "Caddyfile").read_text(encoding="utf-8")
    assert "lb_policy cookie" in caddyfile
    assert "nurture-rasa-1:5005" in caddyfile and "nurture-rasa-2:5005" in caddyfile
    assert "python -m bot.web.server" in " ".join(map(str, services["nurture-web"]["command"]))
    assert services["nurture-review"]["command"][:3] == ["bot", "review", "serve"]


def test_compose_images_are_pinned_and_mounted_files_exist():
    for name, service in compose()["services"].items():
        assert PINNED.match(service["image"]), f"{name}: unpinned image {service['image']}"
        for volume in service.get("volumes", []):
            source = volume.split(":", 1)[0]
            if source.startswith("."):
                assert (DEPLOY / source).is_file(), f"{name} mounts missing {source}"


def test_dockerfile_builds_on_pinned_official_images():
    froms = re.findall(r"^FROM\s+(\S+)", (DEPLOY / "Dockerfile").read_text(), re.MULTILINE)
    assert froms and all(PINNED.match(image) for image in froms), froms
    assert any(image.startswith("python:3.10.") and "slim" in image for image in froms)


@pytest.mark.skipif(not shutil.which("kubectl"), reason="kubectl is not installed")
def test_kubectl_kustomize_renders():
    result = subprocess.run(["kubectl", "kustomize", str(DEPLOY)], capture_output=True,
                            text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    rendered = [d for d in yaml.safe_load_all(result.stdout) if d]
    assert all(d["metadata"].get("namespace") == "nurture" for d in rendered
               if d["kind"] != "Namespace")


def _compose_command() -> list[str] | None:
    if shutil.which("docker"):
        probe = subprocess.run(["docker", "compose", "version"], capture_output=True, check=False)
        if probe.returncode == 0:
            return ["docker", "compose"]
    return ["docker-compose"] if shutil.which("docker-compose") else None


@pytest.mark.skipif(_compose_command() is None, reason="no `docker compose` or docker-compose")
def test_compose_config_validates():
    command = _compose_command()
    assert command
    result = subprocess.run(
        [*command, "-f", str(DEPLOY / "docker-compose.yml"),
         "--env-file", str(DEPLOY / "nurture.env.example"), "config", "--quiet"],
        capture_output=True, text=True, timeout=60, check=False,
    )
    assert result.returncode == 0, result.stderr
