from django.urls import path

from consent import views, views_topics

app_name = "consent"

urlpatterns = [
    path("consent-topics/", views_topics.topic_list, name="topics"),
    path("consent-topics/new/", views_topics.topic_edit, name="topic_create"),
    path("consent-topics/<int:topic_id>/", views_topics.topic_edit, name="topic_edit"),
    path("people/<int:person_id>/consent/", views.consent_page, name="page"),
    path("people/<int:person_id>/consent/new/", views.consent_create, name="create"),
    path("people/<int:person_id>/consent/<int:relationship_id>/", views.consent_decide, name="decide"),
    path("people/<int:person_id>/subject-access/", views.subject_access, name="subject_access"),
]
