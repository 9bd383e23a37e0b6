/* A map of the places a page lists (templates/includes/map.html), drawn with Leaflet.
   Reads the markers from a JSON data block, so no inline script is needed. Without
   JavaScript the map stays hidden and the list is the way in; when the tiles fail to load
   the markers stay and a notice points to the list. */
(function () {
    "use strict";

    function popupContent(marker) {
        var wrapper = document.createElement("div");
        var link = document.createElement("a");
        link.href = marker.url;
        link.textContent = marker.title;
        link.className = "map__popup-link";
        wrapper.appendChild(link);
        if (marker.text) {
            var text = document.createElement("p");
            text.className = "map__popup-text";
            text.textContent = marker.text;
            wrapper.appendChild(text);
        }
        return wrapper;
    }

    function draw(figure) {
        var source = document.getElementById(figure.dataset.map);
        var canvas = figure.querySelector(".map__canvas");
        if (!source || !canvas || !window.L) {
            return;
        }
        var markers = JSON.parse(source.textContent);
        if (!markers.length) {
            return;
        }
        figure.hidden = false;
        var map = window.L.map(canvas, { scrollWheelZoom: false, minZoom: 6, maxZoom: 18 });
        var notice = figure.querySelector("[data-map-notice]");
        window.L.tileLayer(figure.dataset.mapTiles, {
            attribution: figure.dataset.mapAttribution,
            maxZoom: 18
        }).on("tileerror", function () {
            if (notice) {
                notice.hidden = false;
            }
        }).addTo(map);
        var icon = window.L.icon({
            iconUrl: figure.dataset.mapIcon,
            iconRetinaUrl: figure.dataset.mapIconRetina,
            shadowUrl: figure.dataset.mapShadow,
            iconSize: [25, 41],
            iconAnchor: [12, 41],
            popupAnchor: [1, -34],
            shadowSize: [41, 41]
        });
        var points = [];
        markers.forEach(function (marker) {
            var point = [marker.lat, marker.lng];
            points.push(point);
            window.L.marker(point, { icon: icon, title: marker.title, alt: marker.title, keyboard: true })
                .bindPopup(popupContent(marker))
                .addTo(map);
        });
        if (points.length === 1) {
            map.setView(points[0], 13);
        } else {
            map.fitBounds(points, { padding: [32, 32], maxZoom: 13 });
        }
        figure.dataset.mapReady = "true";
    }

    // Leaflet's stylesheet is fetched here, not linked in the page, so that it never holds
    // up the first paint: the map is hidden until it is drawn anyway.
    function withStylesheet(href, then) {
        if (!href || document.querySelector("link[data-map-stylesheet]")) {
            then();
            return;
        }
        var link = document.createElement("link");
        link.rel = "stylesheet";
        link.href = href;
        link.setAttribute("data-map-stylesheet", "");
        link.addEventListener("load", then);
        link.addEventListener("error", then);
        document.head.appendChild(link);
    }

    function start() {
        var figures = document.querySelectorAll("[data-map]");
        if (!figures.length) {
            return;
        }
        withStylesheet(figures[0].dataset.mapStylesheet, function () {
            Array.prototype.forEach.call(figures, draw);
        });
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
})();
