from .index import BlogIndexPage, with_author_names
from .people import Person, localize_people
from .reactions import Reaction
from .story import BlogPage, BlogPageAuthor, BlogPageTag

__all__ = [
    "BlogIndexPage",
    "BlogPage",
    "BlogPageAuthor",
    "BlogPageTag",
    "Person",
    "Reaction",
    "localize_people",
    "with_author_names",
]
