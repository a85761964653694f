"""Templates from any repository: they cannot run code, read files outside their folder or reach the network."""

from __future__ import annotations

import http.server
import pickle
import threading
from pathlib import Path

import pytest

from samenwerk import document
from samenwerk.errors import SamenwerkError
from samenwerk.render import render_pdf, render_text
from samenwerk.render.env import make_env

from ..conftest import AGREEMENTS

PACT = AGREEMENTS / "pact-samen-en-lokaal-voor-werk.yaml"


@pytest.fixture(scope="module")
def agreement():
    return document.read(PACT).agreement


@pytest.fixture(autouse=True)
def fresh_environments():
    make_env.cache_clear()  # each test's template folder is new
    yield
    make_env.cache_clear()


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "outside" / "secret.txt"
    path.parent.mkdir()
    path.write_text("TOP-SECRET-7731", encoding="utf-8")
    return path


def _folder(tmp_path: Path, name: str, body: str) -> Path:
    folder = tmp_path / "templates"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(body, encoding="utf-8")
    return folder


class _Boom:
    """Unpickling this creates a marker file: proof that code ran."""

    def __init__(self, marker: str) -> None:
        self.marker = marker

    def __reduce__(self):
        return (Path.touch, (Path(self.marker),))


def test_a_pickle_through_a_model_method_runs_nothing(tmp_path: Path, agreement) -> None:
    marker = tmp_path / "pwned"
    # The attack as it worked on 0.1.0: the agreement carries an ASCII pickle, and the template hands it to a
    # deprecated class method of the model that unpickles what it is given.
    hostile = agreement.model_copy(update={"notes": [pickle.dumps(_Boom(str(marker)), protocol=0).decode()]})
    attack = "{{ a.parse_raw(a.notes[0], content_type='application/pickle', allow_pickle=True) }}"
    folder = _folder(tmp_path, "agreement.md.j2", attack)
    with pytest.raises(SamenwerkError):
        render_text(hostile, "md", folder)
    assert not marker.exists()


@pytest.mark.parametrize(
    "expression",
    [
        "a.parse_file('{secret}')",
        "a.parse_raw('{{}}')",
        "a.model_validate_json('{{}}')",
        "a.model_dump_json()",
        "a.copy()",
        "a.schema_json()",
        "a.model_construct()",
        "a.parties[0].model_dump()",
        "parties.vdab.keys()",
        "parties.items()",
        "a.title.upper()",
        "a.title.format_map(a)",
        "a.signing.date.fromisoformat('2020-01-01')",
        "party_names.__globals__",
        "kind.__class__.__mro__",
        "cycler.__init__.__globals__",
        "lipsum.__globals__",
        "range.__self__",
    ],
)
def test_no_method_or_python_object_is_reachable(tmp_path: Path, agreement, secret: Path, expression: str) -> None:
    folder = _folder(tmp_path, "agreement.md.j2", "{{ " + expression.format(secret=secret) + " }}")
    try:
        out = render_text(agreement, "md", folder)
    except SamenwerkError as exc:
        assert "TOP-SECRET" not in str(exc)
        return
    assert "TOP-SECRET" not in out and "<bound method" not in out and "function" not in out, out


def test_templates_see_the_data(tmp_path: Path, agreement) -> None:
    body = "{{ a.title }}|{{ parties[a.parties[0].id].name }}|{{ a.parties | length }}|{{ kind }}|{{ final }}"
    out = render_text(agreement, "md", _folder(tmp_path, "agreement.md.j2", body))
    first = agreement.parties[0].name
    assert out == f"{agreement.title}|{first}|{len(agreement.parties)}|{agreement.kind.value}|{False}"


def test_a_field_named_like_a_method_is_the_field(tmp_path: Path) -> None:
    gent = document.read(AGREEMENTS / "gent-vdab-2020-2025.yaml").agreement
    body = "{% for s in a.preamble %}{% for i in s['items'] %}{{ i }};{% endfor %}{% endfor %}"
    by_key = render_text(gent, "md", _folder(tmp_path, "agreement.md.j2", body))
    make_env.cache_clear()
    body = "{% for s in a.preamble %}{% for i in s.items %}{{ i }};{% endfor %}{% endfor %}"
    by_attribute = render_text(gent, "md", _folder(tmp_path, "agreement.md.j2", body))
    assert by_attribute == by_key


@pytest.mark.parametrize("how", ["file", "folder", "parent-folder"])
def test_a_symlink_in_the_template_folder_is_not_followed_out(
    tmp_path: Path, agreement, secret: Path, how: str
) -> None:
    folder = tmp_path / "templates"
    folder.mkdir()
    if how == "file":
        (folder / "part.j2").symlink_to(secret)
        include = "part.j2"
    elif how == "folder":
        (folder / "parts").symlink_to(secret.parent)
        include = "parts/secret.txt"
    else:
        (folder / "sub").mkdir()
        (folder / "sub" / "up").symlink_to(secret.parent.parent)
        include = "sub/up/outside/secret.txt"
    (folder / "agreement.md.j2").write_text('{% include "' + include + '" %}', encoding="utf-8")
    with pytest.raises(SamenwerkError) as err:
        render_text(agreement, "md", folder)
    assert "TOP-SECRET" not in str(err.value)


@pytest.mark.parametrize("include", ["../outside/secret.txt", "/etc/hostname", "..\\\\outside\\\\secret.txt"])
def test_includes_cannot_climb_out(tmp_path: Path, agreement, secret: Path, include: str) -> None:
    folder = _folder(tmp_path, "agreement.md.j2", '{% include "' + include + '" %}')
    with pytest.raises(SamenwerkError):
        render_text(agreement, "md", folder)


def _html_template(tmp_path: Path, head: str) -> Path:
    from samenwerk.resources import folder as shipped

    original = (shipped("templates") / "agreement.html.j2").read_text(encoding="utf-8")
    return _folder(tmp_path, "agreement.html.j2", original.replace("</head>", head + "\n</head>", 1))


@pytest.mark.parametrize(
    "head",
    [
        '<link rel="stylesheet" href="file://{secret}">',
        "<style>@import url('file://{secret}');</style>",
        '<style>body {{ background: url("file://{secret}") }}</style>',
        '<link rel="attachment" href="file://{secret}">',
        '<link rel="attachment" href="{relative}">',
        '<link rel="stylesheet" href="file:///etc/passwd">',
    ],
)
def test_the_pdf_reads_no_file_outside_the_template_folder(tmp_path: Path, agreement, secret: Path, head: str) -> None:
    relative = "../outside/secret.txt"
    folder = _html_template(tmp_path, head.format(secret=secret, relative=relative))
    with pytest.raises(SamenwerkError, match="only files inside the template folder"):
        render_pdf(agreement, folder)


def test_a_file_inside_the_template_folder_can_be_used(tmp_path: Path, agreement) -> None:
    folder = _html_template(tmp_path, '<link rel="stylesheet" href="extra.css">')
    (folder / "extra.css").write_text("h1 { color: #123456; }", encoding="utf-8")
    assert render_pdf(agreement, folder).startswith(b"%PDF")


class _Recorder(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 - the standard library's name
        _Recorder.hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "text/css")
        self.end_headers()
        self.wfile.write(b"body { color: red }")

    def log_message(self, *args: object) -> None:
        pass


@pytest.mark.parametrize("scheme", ["http", "https", "ftp"])
def test_the_pdf_reaches_no_network(tmp_path: Path, agreement, scheme: str) -> None:
    server = http.server.HTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"{scheme}://127.0.0.1:{server.server_port}/probe.css"
        folder = _html_template(tmp_path, f'<link rel="stylesheet" href="{url}"><img src="{url}">')
        with pytest.raises(SamenwerkError, match="no network"):
            render_pdf(agreement, folder)
    finally:
        server.shutdown()
    assert _Recorder.hits == []


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("{% for i in range(100000) %}{% for j in range(100000) %}xxxxxxxxxx{% endfor %}{% endfor %}", "beyond"),
        ("{% macro f(n) %}{{ f(n) }}{% endmacro %}{{ f(1) }}", "recurses without end"),
    ],
)
def test_a_runaway_template_stops_with_its_name_and_line(tmp_path: Path, agreement, body: str, message: str) -> None:
    folder = _folder(tmp_path, "agreement.md.j2", "\n\n" + body)
    with pytest.raises(SamenwerkError, match=message) as err:
        render_text(agreement, "md", folder)
    assert "agreement.md.j2:3" in str(err.value)


def test_a_slow_template_stops_at_the_time_limit(tmp_path: Path, agreement, monkeypatch) -> None:
    from samenwerk.render import env

    monkeypatch.setattr(env, "TIME_LIMIT", 0.5)
    body = "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"
    with pytest.raises(SamenwerkError, match="longer than 0.5 seconds"):
        render_text(agreement, "md", _folder(tmp_path, "agreement.md.j2", body))


def test_the_cli_reports_a_hostile_template_without_a_traceback(cli, tmp_path: Path, secret: Path) -> None:
    folder = _folder(tmp_path, "agreement.md.j2", "{{ a.parse_file('" + str(secret) + "') }}")
    result = cli("render", str(PACT), "-f", "md", "-o", "-", "--template-dir", str(folder))
    assert result.returncode == 2
    assert "TOP-SECRET" not in result.stdout + result.stderr and "Traceback" not in result.stderr


def test_a_pdf_too_large_to_lay_out_stops_at_the_time_limit(agreement, monkeypatch) -> None:
    from samenwerk.render import pdf

    monkeypatch.setattr(pdf, "TIME_LIMIT", 0.01)
    with pytest.raises(SamenwerkError, match="laying out the PDF took longer than 0.01 seconds"):
        render_pdf(agreement)


@pytest.mark.parametrize(
    "expression",
    ["(3 ** 400000000) % 7", "2 ** (10 ** 9)", "'x' * 100000000000", "[1] * 100000000000", "(10 ** 60) * (10 ** 2000)"],
)
def test_arithmetic_that_no_signal_can_stop_is_refused(tmp_path: Path, agreement, expression: str) -> None:
    # Refused before it is computed: computed, each would run for hours or exhaust memory (the test would hang).
    with pytest.raises(SamenwerkError):
        render_text(agreement, "md", _folder(tmp_path, "agreement.md.j2", "{{ " + expression + " }}"))


def test_a_template_that_names_an_unknown_party_is_a_template_error(cli, tmp_path: Path) -> None:
    folder = _folder(tmp_path, "agreement.md.j2", "\n{{ party_names(['nope']) }}")
    result = cli("render", str(PACT), "-f", "md", "-o", "-", "--template-dir", str(folder))
    assert result.returncode == 2 and "agreement.md.j2:2" in result.stderr and "internal error" not in result.stderr


def test_a_template_linked_out_is_refused_not_replaced(tmp_path: Path, agreement, secret: Path) -> None:
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "agreement.md.j2").symlink_to(secret)
    with pytest.raises(SamenwerkError, match="not followed"):
        render_text(agreement, "md", folder)


def test_markdown_documents_are_neutralised(tmp_path: Path, agreement) -> None:
    hostile = agreement.model_copy(
        update={"title": "<img src=x onerror=alert(1)> @octocat #12 \x1b[31mrood\u202e &amp; **vet**"}
    )
    out = render_text(hostile, "md")
    assert "<img" not in out and "&lt;img" in out
    assert "`@octocat`" in out and "`#12`" in out
    assert "\x1b" not in out and "\u202e" not in out and "\\x1b" in out
    assert "&amp;amp;" in out and "**vet**" in out  # the author's own Markdown still works
