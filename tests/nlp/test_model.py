"""The model is loaded once per process, however it is named."""
from conflictcli.nlp import model


def test_default_and_named_model_are_one_copy():
    assert model.load() is model.load(model.resolve_model())
