"""The bounded cache behind the TED prediction cache and the shared redaction of replies."""

from bot.lru import LRUCache


def test_the_least_recently_used_entry_goes_first() -> None:
    cache: LRUCache[str, int] = LRUCache(2)
    cache.put("a", 1)
    cache.put("b", 2)
    assert cache.get("a") == 1  # "a" is now the more recently used
    cache.put("c", 3)
    assert list(cache) == ["a", "c"] and cache.get("b") is None and len(cache) == 2


def test_a_size_of_zero_keeps_nothing() -> None:
    cache: LRUCache[str, int] = LRUCache(0)
    cache.put("a", 1)
    assert len(cache) == 0 and cache.get("a") is None
