from .application import Application, ApplicationFile, StatusChange
from .open_call import OpenCallPage
from .question import Question, QuestionChange, QuestionPage
from .review import CallReviewer, Review

__all__ = [
    "Application",
    "ApplicationFile",
    "CallReviewer",
    "OpenCallPage",
    "Question",
    "QuestionChange",
    "QuestionPage",
    "Review",
    "StatusChange",
]
