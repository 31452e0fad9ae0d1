"""--dask on a real LocalCluster on 127.0.0.1, reached by its scheduler address as a remote cluster would be:
the same Articles as the local pipeline, in input order, and a worker killed mid-run loses no source."""
from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest

from articles import write_articles
from conflictcli.pipeline.analyze import Options, analyze_many

distributed = pytest.importorskip("distributed")
from conflictcli.corpus.dask_runner import dask_analyze  # noqa: E402


@pytest.fixture(scope="module")
def cluster():
    import logging

    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None, silence_logs=logging.CRITICAL) as local:
        yield local


def test_same_articles_as_the_local_pipeline_in_input_order(tmp_path, cluster):
    sources = write_articles(tmp_path, 10)
    sources.insert(3, str(tmp_path / "missing.txt"))
    remote = [a.to_dict() for a in dask_analyze(sources, Options(), cluster.scheduler_address)]
    local = [a.to_dict() for a in analyze_many(sources, Options())]
    assert [a["source"] for a in remote] == sources
    assert remote == local


def test_a_killed_worker_loses_no_source(tmp_path, cluster):
    sources = write_articles(tmp_path, 40)
    with distributed.Client(cluster.scheduler_address) as client:
        pids = list(client.run(os.getpid).values())
        articles = []
        for article in dask_analyze(sources, Options(), cluster.scheduler_address):
            if not articles:
                os.kill(pids[0], signal.SIGKILL)  # its batches in flight must run again elsewhere
            articles.append(article)
        client.wait_for_workers(2, timeout=60)  # the nanny restarts it for the next test
    assert [a.source for a in articles] == sources
    failed = [a.error for a in articles if a.error is not None]
    assert all(error.startswith("lost on the dask cluster") for error in failed)
    assert len(failed) < len(sources) // 2


def test_cli_dask_local_cluster_and_a_bad_address(tmp_path):
    sources = write_articles(tmp_path, 3)
    result = subprocess.run([sys.executable, "-m", "conflictcli", "analyze", *sources, "--dask", "local:1",
                             "-f", "jsonl"], capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == 3
    bad = subprocess.run([sys.executable, "-m", "conflictcli", "analyze", *sources, "--dask", "local:many"],
                         capture_output=True, text=True, timeout=60)
    assert bad.returncode == 1 and bad.stderr.strip() == \
        "conflictcli: --dask local:many: expected local:N with N a number of workers, 1 or more"
